import { FeatureCard } from './feature-card';
import { LocalCheckCallout } from './local-check-callout';
import { LsPage } from './ls-page';
import { ServerCheck } from './server-check';

/** Every feature the licence carries, each with its slots, usage and actions. */
export default function FeaturesScreen() {
  return (
    <LsPage title="Features" loadingLabel="Loading the features">
      {(details, state) => (
        <div className="stack">
          <ServerCheck details={details} state={state} />
          <LocalCheckCallout check={details.localCheck} />
          {details.features.length === 0 ? (
            <div className="empty-state">
              <h2 className="empty-state__title">No features on this licence</h2>
              <p className="empty-state__text">
                This licence gives the software as a whole, with no separately licensed features. If
                you bought an add-on, choose Check with server; if it still does not appear, ask
                your vendor to add it to this licence.
              </p>
            </div>
          ) : (
            <ul className="ls-features" aria-label="Features">
              {details.features.map((feature) => (
                <li key={feature.code}>
                  <FeatureCard
                    profileId={details.profileId}
                    feature={feature}
                    state={state}
                    canConsume={details.canConsume}
                    maxBorrowHours={
                      details.floating && details.floating.maxBorrowHours > 0
                        ? details.floating.maxBorrowHours
                        : undefined
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </LsPage>
  );
}
