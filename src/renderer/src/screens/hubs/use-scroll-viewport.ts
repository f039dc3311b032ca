import { useEffect, useState, type RefObject } from 'react';

export interface ScrollViewport {
  readonly scrollTop: number;
  /** The scroll area's height without its sticky header. */
  readonly height: number;
}

/** Until measured (first paint), a guess that fills a laptop screen, so rows show at once. */
const UNMEASURED: ScrollViewport = { scrollTop: 0, height: 800 };

/**
 * The scroll position and visible height of a scroll container, kept in state. Scroll events are
 * read once per frame; ResizeObserver follows window and panel changes.
 */
export function useScrollViewport(
  ref: RefObject<HTMLElement | null>,
  headerHeight: number,
): ScrollViewport {
  const [viewport, setViewport] = useState<ScrollViewport>(UNMEASURED);

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    let frame: number | undefined;
    const measure = (): void => {
      frame = undefined;
      const next = {
        scrollTop: element.scrollTop,
        height: Math.max(0, element.clientHeight - headerHeight),
      };
      setViewport((current) =>
        current.scrollTop === next.scrollTop && current.height === next.height ? current : next,
      );
    };
    const schedule = (): void => {
      frame ??= requestAnimationFrame(measure);
    };
    measure();
    element.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [ref, headerHeight]);

  return viewport;
}
