import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { tHubs } from '../../i18n/hubs.en';
import type { SortOrder } from '../../lib/hubs/fleet-sort';
import {
  moveByKey,
  renderedIndices,
  rowsPerPage,
  scrollToReveal,
  totalHeight,
  visibleRange,
} from '../../lib/virtual-rows';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { FLEET_COLUMNS, OVERSCAN, ROW_HEIGHT } from './fleet-columns';
import { FleetRow } from './fleet-row';
import { useScrollViewport } from './use-scroll-viewport';

/** Match `.fleet__head` in hubs.css: rows scroll under this sticky header. */
const HEADER_HEIGHT = 40;

interface FleetTableProps {
  readonly ids: readonly string[];
  readonly total: number;
  readonly selectedId: string | null;
  readonly sort: SortOrder;
  /** What to say when a filter or search leaves no rows. */
  readonly emptyText: string;
}

/**
 * The fleet as a grid of rows, of which only those in view (plus some overscan) are in the page:
 * 1,000 hubs scroll like 30. Screen readers learn the real size from aria-rowcount and each row's
 * aria-rowindex. One row is the tab stop; arrows, Page Up/Down, Home and End move it, Enter or a
 * click opens the hub in the side panel.
 */
export function FleetTable({ ids, total, selectedId, sort, emptyText }: FleetTableProps) {
  const select = useHubsStore((s) => s.select);
  const sortBy = useHubsStore((s) => s.sortBy);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const viewport = useScrollViewport(scrollerRef, HEADER_HEIGHT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusPending = useRef(false);

  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId);
  const tabStopId = activeIndex >= 0 ? activeId : (ids[0] ?? null);
  const rows = { ...viewport, rowHeight: ROW_HEIGHT, rowCount: ids.length };
  const indices = renderedIndices(
    visibleRange(rows, OVERSCAN),
    activeIndex >= 0 ? activeIndex : undefined,
  );

  // Focus follows the keyboard only after React has rendered the target row.
  useLayoutEffect(() => {
    if (!focusPending.current || activeId === null) return;
    focusPending.current = false;
    scrollerRef.current
      ?.querySelector<HTMLElement>(`[data-hub-id="${CSS.escape(activeId)}"]`)
      ?.focus({ preventScroll: true });
  }, [activeId]);

  const moveTo = (index: number): void => {
    const id = ids[index];
    const scroller = scrollerRef.current;
    if (id === undefined || !scroller) return;
    // Scrolled here, not by focus(): the browser would tuck the row under the sticky header.
    scroller.scrollTop = scrollToReveal({ ...rows, scrollTop: scroller.scrollTop }, index);
    focusPending.current = true;
    setActiveId(id);
  };

  const keyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.key === 'Enter' || event.key === ' ') && activeId !== null && activeIndex >= 0) {
      event.preventDefault();
      select(activeId);
      return;
    }
    const from = activeIndex >= 0 ? activeIndex : -1;
    const target = moveByKey(event.key, from, ids.length, rowsPerPage(viewport.height, ROW_HEIGHT));
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const t = tHubs().fleet.table;
  const selectRow = useCallback(
    (id: string) => {
      setActiveId(id);
      select(id);
    },
    [select],
  );

  return (
    <div
      ref={scrollerRef}
      className="fleet"
      role="grid"
      aria-label={t.label(ids.length, total)}
      aria-rowcount={ids.length + 1}
      aria-colcount={FLEET_COLUMNS.length}
    >
      <div className="fleet__sizer">
        <div role="rowgroup" className="fleet__head">
          <div role="row" aria-rowindex={1} className="fleet__header-row">
            {FLEET_COLUMNS.map((key) => {
              const sorted = sort.key === key ? sort.direction : undefined;
              const column = t.columns[key];
              return (
                <div key={key} role="columnheader" aria-sort={sorted ?? 'none'}>
                  <button
                    type="button"
                    className="fleet__sort"
                    onClick={() => sortBy(key)}
                    aria-label={t.sortBy(column.label, column.sortLabel)}
                  >
                    {column.label}
                    <SortIcon direction={sorted} />
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          className="fleet__body"
          onKeyDown={keyDown}
          // CSSOM height: the scroll bar is sized for every row, rendered or not.
          style={{ height: Math.max(totalHeight(ids.length, ROW_HEIGHT), ROW_HEIGHT) }}
        >
          {ids.length === 0 ? (
            <div role="row" aria-rowindex={2} className="fleet__empty">
              <div role="gridcell">{emptyText}</div>
            </div>
          ) : (
            indices.map((index) => {
              const id = ids[index];
              return id === undefined ? null : (
                <FleetRow
                  key={id}
                  id={id}
                  index={index}
                  selected={id === selectedId}
                  tabbable={id === tabStopId}
                  onSelect={selectRow}
                  onFocusRow={setActiveId}
                />
              );
            })
          )}
        </div>
      </div>
    </div>
  );
}

function SortIcon({ direction }: { readonly direction: SortOrder['direction'] | undefined }) {
  return (
    <svg className="fleet__sort-icon" viewBox="0 0 12 12" aria-hidden="true" data-sort={direction}>
      {direction === 'ascending' ? (
        <path d="M6 3 10 8H2z" />
      ) : direction === 'descending' ? (
        <path d="M6 9 2 4h8z" />
      ) : (
        <path d="M6 1.5 9 5H3zM6 10.5 3 7h6z" />
      )}
    </svg>
  );
}
