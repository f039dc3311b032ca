import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/** What a keyboard user can land on; hidden and disabled controls are skipped. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface FocusKeeper<T extends HTMLElement> {
  readonly ref: RefObject<T | null>;
  readonly onClickCapture: () => void;
  readonly onKeyDownCapture: (event: KeyboardEvent) => void;
}

/**
 * Keeps the keyboard focus inside an area whose controls an action replaces. Pressing "Request
 * seat" swaps that button for "Renew now" and "Release seat"; "Activate" swaps the whole form for
 * the licence card. The pressed control leaves the page and the browser drops the focus to <body>,
 * so a keyboard or screen-reader user would start again from the top. Once the action has ended
 * (nothing in the area is aria-busy any more) and the focus was lost, it moves to the area's first
 * control. Focus someone put elsewhere on purpose is left alone. Spread the result on the area:
 * `<div {...keeper}>`.
 */
export function useFocusKeeper<T extends HTMLElement>(): FocusKeeper<T> {
  const ref = useRef<T>(null);
  const acted = useRef(false);

  // After every render: the outcome of an action arrives as a re-render of the area.
  useEffect(() => {
    const area = ref.current;
    if (!acted.current || !area || area.querySelector('[aria-busy="true"]')) return;
    acted.current = false;
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body) return;
    const first = [...area.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (element) => element.getClientRects().length > 0,
    );
    first?.focus();
  });

  return {
    ref,
    onClickCapture: () => {
      acted.current = true;
    },
    onKeyDownCapture: (event) => {
      if (event.key === 'Enter' || event.key === ' ') acted.current = true;
    },
  };
}
