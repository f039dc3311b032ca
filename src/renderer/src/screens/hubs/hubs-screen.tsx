import { useDeferredValue, useEffect, useState } from 'react';
import { Button } from '../../components/button';
import { ErrorMessage } from '../../components/error-message';
import { LiveRegion } from '../../components/live-region';
import { PageHeader } from '../../components/page-header';
import { tHubs } from '../../i18n/hubs.en';
import { filterLabel } from '../../lib/hubs/fleet-view';
import { useRequiredProfile } from '../../store/app-store';
import { selectFleetView, selectSiteCount } from '../../store/hubs/hubs-selectors';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { announcement } from './announcement';
import { FleetFilters } from './fleet-filters';
import { FleetTable } from './fleet-table';
import { HubFormDialog } from './hub-form-dialog';
import { HubPanel } from './hub-panel';
import { InventoryActions } from './inventory-actions';
import { InventoryFeedback } from './inventory-feedback';
import { RefreshBar } from './refresh-bar';
import { useHubEvents } from './use-hub-events';
import './hubs.css';
import { descriptionOf, labelOf } from '../../lib/vendor-words';

/** Which form dialog is open: adding a hub, or editing one by id. */
type FormTarget = { readonly mode: 'add' } | { readonly mode: 'edit'; readonly id: string } | null;

/**
 * MobiusFlow hubs, for the engineer on site: the inventory of hubs, the licence each reports,
 * refreshing the whole fleet, and per hub trusting its certificate and replacing its code.
 */
export default function HubsScreen() {
  const profile = useRequiredProfile();
  const load = useHubsStore((s) => s.load);
  const loadFleet = useHubsStore((s) => s.loadFleet);
  const hubCount = useHubsStore((s) => s.ids.length);
  const dismissFleet = useHubsStore((s) => s.dismissFleet);
  const announced = useHubsStore(announcement);
  const [form, setForm] = useState<FormTarget>(null);
  const t = tHubs().fleet.screen;
  useHubEvents();

  useEffect(() => {
    void loadFleet();
  }, [loadFleet]);

  const openAdd = (): void => {
    dismissFleet('add');
    setForm({ mode: 'add' });
  };

  return (
    <div className="page hubs-page">
      <PageHeader
        title={t.title}
        subtitle={<Subtitle fallback={descriptionOf(profile) ?? labelOf(profile)} />}
        aside={<InventoryActions onAdd={openAdd} empty={hubCount === 0} />}
      />
      <LiveRegion message={announced} />
      <InventoryFeedback />
      {load.status === 'loaded' && load.reloadError && (
        <ErrorMessage error={load.reloadError} title={t.reloadFailed} />
      )}
      {load.status === 'loading' && (
        <span className="skeleton skeleton--card" aria-label={t.loading} />
      )}
      {load.status === 'failed' && (
        <div className="stack">
          <ErrorMessage error={load.error} title={t.loadFailed} layout="block" />
          <div>
            <Button onClick={() => void loadFleet()}>{t.tryAgain}</Button>
          </div>
        </div>
      )}
      {load.status === 'loaded' &&
        (hubCount === 0 ? (
          <EmptyInventory onAdd={openAdd} />
        ) : (
          <Fleet onEdit={(id) => setForm({ mode: 'edit', id })} />
        ))}
      {form && <FormDialog target={form} onClose={() => setForm(null)} />}
    </div>
  );
}

function Subtitle({ fallback }: { readonly fallback: string }) {
  const hubCount = useHubsStore((s) => s.ids.length);
  const siteCount = useHubsStore(selectSiteCount);
  if (hubCount === 0) return <>{fallback}</>;
  return <>{tHubs().fleet.screen.subtitle(hubCount, siteCount, fallback)}</>;
}

function Fleet({ onEdit }: { readonly onEdit: (id: string) => void }) {
  const view = useHubsStore(selectFleetView);
  const query = useHubsStore((s) => s.query);
  const total = useHubsStore((s) => s.ids.length);
  const selectedId = useHubsStore((s) => s.selectedId);
  const selected = useHubsStore((s) => (s.selectedId ? s.byId[s.selectedId] : undefined));
  // Typing in the search box stays responsive: the table catches up a moment later.
  const ids = useDeferredValue(view.ids);
  const t = tHubs().fleet.screen;
  const search = query.search.trim();
  const filter = filterLabel(query.filter);
  const emptyText =
    search === ''
      ? t.noneIn(filter)
      : query.filter === 'all'
        ? t.noMatch(search)
        : t.noMatchIn(search, filter);

  return (
    <>
      <RefreshBar hubCount={total} />
      <FleetFilters counts={view.counts} filter={query.filter} search={query.search} />
      <div className={`hubs-fleet ${selected ? 'hubs-fleet--with-panel' : ''}`}>
        <FleetTable
          ids={ids}
          total={total}
          selectedId={selectedId}
          sort={query.sort}
          emptyText={emptyText}
        />
        {selected && (
          <HubPanel key={selected.id} hub={selected} onEdit={() => onEdit(selected.id)} />
        )}
      </div>
    </>
  );
}

function FormDialog({
  target,
  onClose,
}: {
  readonly target: NonNullable<FormTarget>;
  readonly onClose: () => void;
}) {
  const hub = useHubsStore((s) => (target.mode === 'edit' ? s.byId[target.id] : undefined));
  if (target.mode === 'edit' && !hub) return null;
  return <HubFormDialog hub={hub} onClose={onClose} />;
}

function EmptyInventory({ onAdd }: { readonly onAdd: () => void }) {
  const t = tHubs().fleet.screen;
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{t.emptyTitle}</h2>
      <p className="empty-state__text">{t.emptyText}</p>
      <Button variant="primary" onClick={onAdd}>
        {t.addFirst}
      </Button>
    </div>
  );
}
