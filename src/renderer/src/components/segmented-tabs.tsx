import { useRef, type KeyboardEvent } from 'react';

export interface TabOption<T extends string> {
  readonly id: T;
  readonly label: string;
}

interface SegmentedTabsProps<T extends string> {
  /** Names the tab list for assistive tech, e.g. "How to activate". */
  readonly label: string;
  readonly options: readonly TabOption<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  /** Prefix of the tab and panel ids: see tabId and panelId. */
  readonly idPrefix: string;
}

export const tabId = (prefix: string, id: string): string => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string): string => `${prefix}-panel-${id}`;

/**
 * A segmented control with the ARIA tabs pattern: one tab stop (the selected tab), arrow keys,
 * Home and End move between tabs and select them, since every panel is cheap to show. The caller
 * renders the panel with `role="tabpanel"`, `id={panelId(...)}` and `aria-labelledby={tabId(...)}`.
 */
export function SegmentedTabs<T extends string>({
  label,
  options,
  value,
  onChange,
  idPrefix,
}: SegmentedTabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  const keyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = options.findIndex((option) => option.id === value);
    const target = targetIndex(event.key, index, options.length);
    if (target === undefined) return;
    event.preventDefault();
    const next = options[target];
    if (!next) return;
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="segmented" role="tablist" aria-label={label} onKeyDown={keyDown}>
      {options.map((option) => {
        const selected = option.id === value;
        return (
          <button
            key={option.id}
            ref={(element) => {
              if (element) refs.current.set(option.id, element);
              else refs.current.delete(option.id);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, option.id)}
            className="segmented__tab"
            aria-selected={selected}
            // Only the selected panel is in the page; a reference to a missing id would dangle.
            aria-controls={selected ? panelId(idPrefix, option.id) : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(option.id)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

/** Where a key moves the selection: arrows wrap around, Home and End jump to the ends. */
function targetIndex(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
