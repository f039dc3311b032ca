import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { FactList, NotSet } from './fact-list';

/** Who the licence was sold to, as the vendor recorded it; nothing when it recorded nobody. */
export function CustomerCard({ customer }: { readonly customer: LsLicenceDetails['customer'] }) {
  if (!customer || !(customer.name || customer.company || customer.email)) return null;
  return (
    <Card labelledBy="ls-customer-title" title="Customer">
      <FactList
        items={[
          { term: 'Name', value: customer.name || <NotSet /> },
          { term: 'Company', value: customer.company || <NotSet /> },
          // Plain text, not a mailto link: the app window never navigates away (see main's guards).
          { term: 'Email', value: customer.email || <NotSet /> },
        ]}
      />
    </Card>
  );
}
