/**
 * The maths of a virtualised list with rows of one fixed height: which rows a scroll position
 * shows, where to scroll so a row comes into view, and where a navigation key moves the focus.
 * Pure (no DOM), so the fleet table's scrolling is tested without a browser.
 */

export interface Viewport {
  /** Pixels scrolled from the top of the first row. */
  readonly scrollTop: number;
  /** Pixels of the scroll area in which rows can be seen (a sticky header excluded). */
  readonly height: number;
  readonly rowHeight: number;
  readonly rowCount: number;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

export const EMPTY_RANGE: RowRange = { start: 0, end: 0 };

/** The height of the content all rows would take, which the scroll bar is sized by. */
export function totalHeight(rowCount: number, rowHeight: number): number {
  return Math.max(0, rowCount) * Math.max(0, rowHeight);
}

/**
 * The scroll position the browser ends up at: never below zero, never past the last row. A filter
 * that shrinks the list leaves the old, larger scrollTop in hand until the next scroll event.
 */
export function clampScrollTop(viewport: Viewport): number {
  const { scrollTop, height, rowHeight, rowCount } = viewport;
  const max = Math.max(0, totalHeight(rowCount, rowHeight) - Math.max(0, height));
  return Math.min(Math.max(0, scrollTop), max);
}

/**
 * The rows to render: those at least partly in view, plus `overscan` rows either side so a quick
 * scroll shows rows already painted instead of blank space.
 */
export function visibleRange(viewport: Viewport, overscan = 0): RowRange {
  const { height, rowHeight, rowCount } = viewport;
  if (rowCount <= 0 || rowHeight <= 0) return EMPTY_RANGE;
  const top = clampScrollTop(viewport);
  const first = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const last = Math.max(first + 1, Math.ceil((top + Math.max(0, height)) / rowHeight));
  const extra = Math.max(0, Math.floor(overscan));
  return { start: Math.max(0, first - extra), end: Math.min(rowCount, last + extra) };
}

/**
 * The indices to render: the range, plus the focused row wherever it is. A focused row that
 * scrolled away must stay in the page, or the browser would drop focus to <body> and a keyboard
 * user would lose their place.
 */
export function renderedIndices(range: RowRange, pinned?: number): readonly number[] {
  const indices: number[] = [];
  if (pinned !== undefined && pinned >= 0 && pinned < range.start) indices.push(pinned);
  for (let index = range.start; index < range.end; index += 1) indices.push(index);
  if (pinned !== undefined && pinned >= range.end) indices.push(pinned);
  return indices;
}

/** How many whole rows fit in view: the step of Page Up and Page Down. */
export function rowsPerPage(height: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(height / rowHeight)) : 1;
}

/**
 * The scroll position that brings row `index` fully into view with the least movement: unchanged
 * when it already is, else the row lands at the top (coming from below) or bottom (from above).
 */
export function scrollToReveal(viewport: Viewport, index: number): number {
  const { scrollTop, height, rowHeight } = viewport;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop || height < rowHeight) return top;
  if (bottom > scrollTop + height) return bottom - height;
  return scrollTop;
}

/**
 * Where a key moves the focused row, or undefined for a key that does not move it. `index` is -1
 * when no row has been focused yet: any movement then starts at the first row.
 */
export function moveByKey(
  key: string,
  index: number,
  rowCount: number,
  pageRows: number,
): number | undefined {
  if (rowCount <= 0) return undefined;
  const last = rowCount - 1;
  const from = Math.min(Math.max(index, -1), last);
  const clamp = (target: number): number => Math.min(last, Math.max(0, target));
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from - 1);
    case 'PageDown':
      return clamp(from + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(from - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
