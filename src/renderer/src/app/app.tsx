import { useEffect } from 'react';
import { assertNever } from '../lib/assert-never';
import { useAppStore } from '../store/app-store';
import { SCREENS } from './screens';
import { Shell } from './shell';
import { StartupError, StartupSkeleton } from './startup';

/** Startup gate: nothing but a skeleton until the app knows its product name and profiles. */
export function App() {
  const startup = useAppStore((state) => state.startup);
  const start = useAppStore((state) => state.start);

  useEffect(() => {
    // The first screen's chunk downloads while the app asks for its profiles, not after.
    const first = useAppStore.getState().screen;
    SCREENS.find((screen) => screen.id === first)?.preload();
    void start();
  }, [start]);

  switch (startup.status) {
    case 'loading':
      return <StartupSkeleton />;
    case 'failed':
      return <StartupError error={startup.error} onRetry={() => void start()} />;
    case 'ready':
      return <Shell info={startup.info} profiles={startup.profiles} />;
    default:
      return assertNever(startup);
  }
}
