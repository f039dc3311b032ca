import { createHash } from 'node:crypto';
import type { HubLicenceView } from '../../shared/hubs-model';
import type { HubLicence } from '../licensing/backends/mobiusflow';
import { maskKey } from '../licensing/mask';
import type { SecretStore } from '../store/secret-store';
import { hubSecretName, type HubRecord } from './hub-records';

/**
 * A hub's licence as the inventory keeps it: the view with the code masked in the document, the
 * full code (the customer's secret) in the secret store under `hub-licence:<id>`.
 */

export const licenceCodeDigest = (code: string): string =>
  createHash('sha256').update(code.trim().toLowerCase()).digest('hex').slice(0, 16);

export function toLicenceView(licence: HubLicence): HubLicenceView {
  const { licenceCode, ...rest } = licence;
  return { ...rest, codeLabel: maskKey(licenceCode) };
}

/**
 * Keeps the full code in the secret store (written only when it changed: a fleet refresh must
 * not rewrite 1,000 keyring entries) and returns the change to make to the hub's record.
 */
export async function keepLicence(
  secrets: SecretStore,
  record: HubRecord,
  licence: HubLicence,
  refreshedAt: number,
): Promise<(target: HubRecord) => void> {
  const code = licence.licenceCode.trim();
  const digest = code === '' ? undefined : licenceCodeDigest(code);
  if (digest !== record.codeDigest) {
    if (code === '') await secrets.delete(hubSecretName.licenceCode(record.id));
    else await secrets.set(hubSecretName.licenceCode(record.id), code);
  }
  const view = toLicenceView(licence);
  return (target) => {
    target.licence = view;
    target.codeDigest = digest;
    target.lastRefreshAt = refreshedAt;
    delete target.lastError;
  };
}
