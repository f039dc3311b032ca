import { tLicensespring } from '../../i18n/licensespring.en';
import { ConsumptionCard } from './consumption-card';
import { CustomerCard } from './customer-card';
import { FloatingCard } from './floating-card';
import { LocalCheckCallout } from './local-check-callout';
import { LsPage } from './ls-page';
import { ServerCheck } from './server-check';
import { TermsCard } from './terms-card';

/**
 * A LicenseSpring licence in full: what this computer's own check says, the terms, the customer,
 * and the floating pool and usage counter when the licence has them.
 */
export default function LicenceScreen() {
  const t = tLicensespring().pages;
  return (
    <LsPage title={t.licence} loadingLabel={t.licenceLoading}>
      {(details, state) => (
        <div className="stack">
          <ServerCheck details={details} state={state} />
          <LocalCheckCallout check={details.localCheck} />
          <TermsCard details={details} />
          {details.floating && (
            <FloatingCard profileId={details.profileId} floating={details.floating} state={state} />
          )}
          {details.consumption && (
            <ConsumptionCard
              profileId={details.profileId}
              meter={details.consumption}
              canConsume={details.canConsume}
              state={state}
            />
          )}
          <CustomerCard customer={details.customer} />
        </div>
      )}
    </LsPage>
  );
}
