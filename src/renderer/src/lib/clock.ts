import { useSyncExternalStore } from 'react';

/**
 * One shared one-second tick for every live time on screen. Only the leaf components that call
 * `useNow` re-render on a tick, never the screens around them, and the interval runs only while
 * something is subscribed.
 */

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now();
  listeners.forEach((listener) => listener());
  // Aligned to the wall-clock second so every countdown on screen changes at the same moment.
  timer = setTimeout(tick, 1000 - (now % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

const getSnapshot = (): number => now;

export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
