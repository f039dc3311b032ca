import { describe, expect, it } from 'vitest';
import {
  clampScrollTop,
  moveByKey,
  renderedIndices,
  rowsPerPage,
  scrollToReveal,
  totalHeight,
  visibleRange,
  type Viewport,
} from '../../src/renderer/src/lib/virtual-rows';

// The fleet table renders only the rows in view: these are the sums it scrolls by.
const ROW = 50;
const view = (scrollTop: number, height = 500, rowCount = 1000): Viewport => ({
  scrollTop,
  height,
  rowHeight: ROW,
  rowCount,
});

describe('visibleRange', () => {
  it('shows the rows in view at the top', () => {
    expect(visibleRange(view(0))).toEqual({ start: 0, end: 10 });
  });

  it('includes rows cut off at either edge', () => {
    // 25 px down: row 0 is half visible at the top, row 10 half visible at the bottom.
    expect(visibleRange(view(25))).toEqual({ start: 0, end: 11 });
    expect(visibleRange(view(60))).toEqual({ start: 1, end: 12 });
  });

  it('adds the overscan on both sides, within the list', () => {
    expect(visibleRange(view(1000), 3)).toEqual({ start: 17, end: 33 });
    expect(visibleRange(view(0), 3)).toEqual({ start: 0, end: 13 });
    expect(visibleRange(view(49_500), 3)).toEqual({ start: 987, end: 1000 });
  });

  it('renders a few dozen rows of 1,000 whatever the scroll position', () => {
    for (const top of [0, 12_345, 30_000, 49_500]) {
      const { start, end } = visibleRange(view(top), 6);
      expect(end - start).toBeLessThanOrEqual(10 + 1 + 12);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(1000);
    }
  });

  it('clamps a scroll position left over from a longer list (a filter just shrank it)', () => {
    // 40 rows now, but the scroll position is still where row 600 was.
    expect(visibleRange(view(30_000, 500, 40), 2)).toEqual({ start: 28, end: 40 });
  });

  it('shows the whole list when it is shorter than the view', () => {
    expect(visibleRange(view(0, 500, 3))).toEqual({ start: 0, end: 3 });
  });

  it('renders nothing for an empty list or before rows have a height', () => {
    expect(visibleRange(view(0, 500, 0))).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...view(0), rowHeight: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('still renders the first row before the view has been measured', () => {
    expect(visibleRange(view(0, 0), 2)).toEqual({ start: 0, end: 3 });
  });
});

describe('clampScrollTop and totalHeight', () => {
  it('keeps the scroll position between the top and the last screenful', () => {
    expect(totalHeight(1000, ROW)).toBe(50_000);
    expect(clampScrollTop(view(-20))).toBe(0);
    expect(clampScrollTop(view(60_000))).toBe(49_500);
    expect(clampScrollTop(view(1234))).toBe(1234);
    expect(clampScrollTop(view(300, 500, 5))).toBe(0);
  });
});

describe('renderedIndices', () => {
  it('is the range when the focused row is inside it', () => {
    expect(renderedIndices({ start: 4, end: 8 }, 5)).toEqual([4, 5, 6, 7]);
    expect(renderedIndices({ start: 4, end: 8 })).toEqual([4, 5, 6, 7]);
  });

  it('keeps a focused row that scrolled away, in document order', () => {
    expect(renderedIndices({ start: 4, end: 7 }, 1)).toEqual([1, 4, 5, 6]);
    expect(renderedIndices({ start: 4, end: 7 }, 900)).toEqual([4, 5, 6, 900]);
  });

  it('ignores a focus index of -1 (nothing focused yet)', () => {
    expect(renderedIndices({ start: 0, end: 2 }, -1)).toEqual([0, 1]);
  });
});

describe('scrollToReveal', () => {
  it('leaves the scroll position alone when the row is fully in view', () => {
    expect(scrollToReveal(view(100), 5)).toBe(100);
  });

  it('scrolls up so a row above lands at the top', () => {
    expect(scrollToReveal(view(1000), 3)).toBe(150);
  });

  it('scrolls down so a row below lands at the bottom', () => {
    // Row 30 spans 1500–1550; a 500 px view ending there starts at 1050.
    expect(scrollToReveal(view(0), 30)).toBe(1050);
  });

  it('reveals a row half cut off at either edge', () => {
    expect(scrollToReveal(view(125), 2)).toBe(100);
    expect(scrollToReveal(view(0), 9)).toBe(0);
    expect(scrollToReveal(view(10), 10)).toBe(50);
  });

  it('puts the row at the top of a view shorter than one row', () => {
    expect(scrollToReveal(view(0, 30), 4)).toBe(200);
  });
});

describe('rowsPerPage', () => {
  it('counts whole rows, at least one', () => {
    expect(rowsPerPage(500, ROW)).toBe(10);
    expect(rowsPerPage(520, ROW)).toBe(10);
    expect(rowsPerPage(20, ROW)).toBe(1);
    expect(rowsPerPage(500, 0)).toBe(1);
  });
});

describe('moveByKey', () => {
  it.each([
    ['ArrowDown', 5, 6],
    ['ArrowUp', 5, 4],
    ['PageDown', 5, 15],
    ['PageUp', 15, 5],
    ['Home', 500, 0],
    ['End', 3, 999],
  ])('%s from row %d goes to row %d', (key, from, to) => {
    expect(moveByKey(key, from, 1000, 10)).toBe(to);
  });

  it('stops at the ends instead of wrapping', () => {
    expect(moveByKey('ArrowUp', 0, 1000, 10)).toBe(0);
    expect(moveByKey('ArrowDown', 999, 1000, 10)).toBe(999);
    expect(moveByKey('PageDown', 995, 1000, 10)).toBe(999);
    expect(moveByKey('PageUp', 4, 1000, 10)).toBe(0);
  });

  it('starts at the first row when nothing was focused', () => {
    expect(moveByKey('ArrowDown', -1, 1000, 10)).toBe(0);
    expect(moveByKey('ArrowUp', -1, 1000, 10)).toBe(0);
  });

  it('brings a focus index past a shrunken list back onto its last row', () => {
    expect(moveByKey('ArrowUp', 700, 40, 10)).toBe(38);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveByKey('Enter', 5, 1000, 10)).toBeUndefined();
    expect(moveByKey('a', 5, 1000, 10)).toBeUndefined();
    expect(moveByKey('ArrowDown', 0, 0, 10)).toBeUndefined();
  });
});
