import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { tLicensespring } from '../../i18n/licensespring.en';
import { FactList, NotSet } from './fact-list';

/** Who the licence was sold to, as the vendor recorded it; nothing when it recorded nobody. */
export function CustomerCard({ customer }: { readonly customer: LsLicenceDetails['customer'] }) {
  if (!customer || !(customer.name || customer.company || customer.email)) return null;
  const t = tLicensespring().customer;
  return (
    <Card labelledBy="ls-customer-title" title={t.title}>
      <FactList
        items={[
          { term: t.name, value: customer.name || <NotSet /> },
          { term: t.company, value: customer.company || <NotSet /> },
          // Plain text, not a mailto link: the app window never navigates away (see main's guards).
          { term: t.email, value: customer.email || <NotSet /> },
        ]}
      />
    </Card>
  );
}
