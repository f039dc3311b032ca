import { tCommon } from '../i18n/common.en';
import type { ScreenId } from '../store/app-store';
import type { ScreenDefinition } from './screens';

interface NavProps {
  readonly screens: readonly ScreenDefinition[];
  readonly current: ScreenId;
  readonly onNavigate: (id: ScreenId) => void;
}

export function Nav({ screens, current, onNavigate }: NavProps) {
  return (
    <nav className="nav" aria-label={tCommon().shell.sections}>
      <ul className="nav__list">
        {screens.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav__item"
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => onNavigate(screen.id)}
              onPointerEnter={screen.preload}
              onFocus={screen.preload}
            >
              {screen.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
