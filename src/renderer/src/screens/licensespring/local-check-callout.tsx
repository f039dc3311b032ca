import type { LsLocalCheck } from '../../../../shared/licensespring-model';
import { Callout } from '../../components/callout';
import { say, sayLang } from '../../lib/error-text';
import { formatDate } from '../../lib/format';
import { localCheckNotice } from '../../lib/licensespring-text';

/**
 * The verdict of this computer's own check, when it is not simply "valid" (a valid licence is the
 * quiet case: the pill in the server-check bar says so). The core's message says what it found
 * (in the interface language when main sent its text); the advice underneath says what to do.
 */
export function LocalCheckCallout({ check }: { readonly check: LsLocalCheck }) {
  const notice = localCheckNotice(check, (at) => formatDate(at));
  if (!notice) return null;
  return (
    <Callout tone={notice.tone} role="status" title={notice.title}>
      {check.message && <p lang={sayLang(check)}>{say(check)}</p>}
      <p className="callout__hint">{notice.advice}</p>
    </Callout>
  );
}
