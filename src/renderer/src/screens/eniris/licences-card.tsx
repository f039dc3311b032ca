import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { panelId, SegmentedTabs, tabId } from '../../components/segmented-tabs';
import { tEniris } from '../../i18n/eniris.en';
import { assertNever } from '../../lib/assert-never';
import {
  customerIdProblem,
  describeQuery,
  enirisErrorTitle,
  licenceCount,
  NODE_ID_MAX,
  nodeIdProblem,
  queryKindLabel,
  type LicenceQuery,
  type QueryKind,
} from '../../lib/eniris-text';
import { draftQuery } from '../../store/eniris-query';
import { useEnirisStore, type EnirisProfileState } from '../../store/eniris-store';
import { LicenceTable } from './licence-table';
import { localError } from '../../lib/error-text';
import { RichText } from '../../components/rich-text';

const TABS = 'eniris-query';
const KINDS: readonly QueryKind[] = ['controller', 'customer'];
const ERROR_ID = 'eniris-query-error';

interface LicencesCardProps {
  readonly profileId: string;
  readonly state: EnirisProfileState;
}

/** The licences of one controller or one customer, with the query remembered per profile. */
export function LicencesCard({ profileId, state }: LicencesCardProps) {
  const { draft, listing } = state;
  const setDraft = useEnirisStore((s) => s.setDraft);
  const showLicences = useEnirisStore((s) => s.showLicences);
  const restoreListing = useEnirisStore((s) => s.restoreListing);
  const dismissListingError = useEnirisStore((s) => s.dismissListingError);
  const [problem, setProblem] = useState<string | null>(null);
  const t = tEniris().licences;

  // The last query shown comes back when the screen opens signed in.
  useEffect(() => restoreListing(profileId), [profileId, restoreListing]);

  const kind = draft.by;
  const value = kind === 'controller' ? draft.nodeId : draft.customerId;
  const loading = listing.status === 'loading';
  const refreshing = loading || (listing.status === 'loaded' && listing.refreshing);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const issue = kind === 'controller' ? nodeIdProblem(value) : customerIdProblem(value);
    setProblem(issue);
    const query = draftQuery(draft);
    if (issue || !query) {
      document.getElementById(inputId(kind))?.focus();
      return;
    }
    void showLicences(profileId, query);
  };

  const listingError =
    listing.status === 'failed'
      ? listing.error
      : listing.status === 'loaded'
        ? listing.refreshError
        : undefined;
  const error = problem ? localError('invalid_input', problem) : (listingError ?? null);

  return (
    <Card
      className="eniris-licences-card"
      labelledBy="eniris-licences-title"
      title={t.title}
      description={
        listing.status === 'loaded' ? (
          <RichText
            text={t.listed}
            values={{
              count: licenceCount(listing.value.licences.length),
              of: describeQuery(listing.query),
              when: <RelativeTime at={listing.value.checkedAt} />,
            }}
          />
        ) : (
          t.intro
        )
      }
      aside={
        listing.status === 'loaded' && (
          <Button
            size="sm"
            onClick={() => void showLicences(profileId, listing.query)}
            busy={refreshing}
            busyLabel={t.busyRefresh}
          >
            {t.refresh}
          </Button>
        )
      }
    >
      <SegmentedTabs
        label={t.tabs}
        idPrefix={TABS}
        options={KINDS.map((id) => ({ id, label: queryKindLabel(id) }))}
        value={kind}
        onChange={(by) => {
          setProblem(null);
          setDraft(profileId, { by });
        }}
      />
      <div
        className="eniris-query"
        role="tabpanel"
        id={panelId(TABS, kind)}
        aria-labelledby={tabId(TABS, kind)}
      >
        <form onSubmit={submit} noValidate>
          <div className="eniris-form eniris-form--single">
            <div className="eniris-form__field">
              <label className="field-label" htmlFor={inputId(kind)}>
                {kind === 'controller' ? t.controllerId : t.customerId}
              </label>
              <input
                // One input per kind, so each keeps its own typing history and label.
                key={kind}
                id={inputId(kind)}
                className="input input--mono"
                value={value}
                onChange={(event) => {
                  setProblem(null);
                  setDraft(
                    profileId,
                    kind === 'controller'
                      ? { nodeId: event.target.value }
                      : { customerId: event.target.value },
                  );
                }}
                placeholder={
                  kind === 'customer' ? 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' : undefined
                }
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                maxLength={kind === 'controller' ? NODE_ID_MAX + 20 : 60}
                aria-describedby={error ? ERROR_ID : undefined}
                aria-invalid={error !== null || undefined}
              />
            </div>
            <Button type="submit" busy={loading} busyLabel={t.busyShow}>
              {t.show}
            </Button>
          </div>
          {error && (
            <ErrorMessage
              id={ERROR_ID}
              error={error}
              title={enirisErrorTitle('licences', error)}
              onDismiss={() => {
                setProblem(null);
                dismissListingError(profileId);
              }}
            />
          )}
        </form>
      </div>
      <Results state={state} />
    </Card>
  );
}

const inputId = (kind: QueryKind): string => `eniris-query-${kind}`;

function Results({ state }: { readonly state: EnirisProfileState }) {
  const { listing } = state;
  const t = tEniris().licences;
  switch (listing.status) {
    case 'idle':
      return <p className="eniris-empty">{t.prompt}</p>;
    case 'loading':
      return (
        <span
          className="skeleton skeleton--table eniris-results"
          aria-label={t.loading(describeQuery(listing.query))}
        />
      );
    case 'failed':
      return null;
    case 'loaded':
      return (
        <div className="eniris-results">
          {listing.value.licences.length === 0 ? (
            <p className="eniris-empty">{emptyText(listing.query)}</p>
          ) : (
            <LicenceTable
              licences={listing.value.licences}
              label={t.region(describeQuery(listing.query))}
            />
          )}
        </div>
      );
    default:
      return assertNever(listing);
  }
}

function emptyText(query: LicenceQuery): string {
  const t = tEniris().licences;
  switch (query.by) {
    case 'controller':
      return t.noneForController(query.nodeId);
    case 'customer':
      return t.noneForCustomer(query.customerId);
    default:
      return assertNever(query);
  }
}
