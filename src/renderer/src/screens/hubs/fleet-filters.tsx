import { tHubs } from '../../i18n/hubs.en';
import {
  FLEET_FILTERS,
  filterLabel,
  type FilterCounts,
  type FleetFilter,
} from '../../lib/hubs/fleet-view';
import { formatCount } from '../../lib/hubs/hub-licence-text';
import { useHubsStore } from '../../store/hubs/hubs-store';

/** Chips that point at a problem: their count is coloured when there is something to look at. */
const PROBLEMS: ReadonlySet<FleetFilter> = new Set(['invalid', 'unreachable', 'errors']);
const CONCERNS: ReadonlySet<FleetFilter> = new Set(['inactive', 'nearlyFull']);

interface FleetFiltersProps {
  readonly counts: FilterCounts;
  readonly filter: FleetFilter;
  readonly search: string;
}

/** One chip per filter with how many hubs it shows, and a search over name, site, HID and host. */
export function FleetFilters({ counts, filter, search }: FleetFiltersProps) {
  const setFilter = useHubsStore((s) => s.setFilter);
  const setSearch = useHubsStore((s) => s.setSearch);
  const t = tHubs().fleet.filters;
  return (
    <div className="fleet-filters">
      <div className="chips" role="group" aria-label={t.group}>
        {FLEET_FILTERS.map((id) => {
          const count = counts[id];
          const tone =
            count === 0 || id === 'all'
              ? ''
              : PROBLEMS.has(id)
                ? 'chip__count--danger'
                : CONCERNS.has(id)
                  ? 'chip__count--warning'
                  : '';
          return (
            <button
              key={id}
              type="button"
              className="chip"
              aria-pressed={filter === id}
              onClick={() => setFilter(id)}
            >
              {filterLabel(id)}
              <span className={`chip__count ${tone}`}>{formatCount(count)}</span>
            </button>
          );
        })}
      </div>
      <div className="fleet-search">
        <svg className="fleet-search__icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M7 1.5a5.5 5.5 0 1 0 3.4 9.8l3.2 3.2 1.1-1.1-3.2-3.2A5.5 5.5 0 0 0 7 1.5Zm0 1.5a4 4 0 1 1 0 8 4 4 0 0 1 0-8Z" />
        </svg>
        <input
          type="search"
          className="input fleet-search__input"
          aria-label={t.search}
          placeholder={t.searchPlaceholder}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </div>
  );
}
