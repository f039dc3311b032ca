import { tLicensespring } from '../../i18n/licensespring.en';
import { FeatureCard } from './feature-card';
import { LocalCheckCallout } from './local-check-callout';
import { LsPage } from './ls-page';
import { ServerCheck } from './server-check';

/** Every feature the licence carries, each with its slots, usage and actions. */
export default function FeaturesScreen() {
  const t = tLicensespring().pages;
  return (
    <LsPage title={t.features} loadingLabel={t.featuresLoading}>
      {(details, state) => (
        <div className="stack">
          <ServerCheck details={details} state={state} />
          <LocalCheckCallout check={details.localCheck} />
          {details.features.length === 0 ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t.noFeatures}</h2>
              <p className="empty-state__text">{t.noFeaturesText}</p>
            </div>
          ) : (
            <ul className="ls-features" aria-label={t.featureList}>
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
