import type { HubRecord } from './hub-records';
import { guardFormula, serialiseCsv } from './csv';

/**
 * The hand-over report: one line per hub with what it last reported about its licence, for the
 * customer's records. Codes are masked (the customer already has them); a hub never read shows
 * empty licence columns, and a failed last refresh says why in the last column.
 */

export const REPORT_COLUMNS = [
  'site',
  'name',
  'hid',
  'host',
  'type',
  'valid',
  'active',
  'used',
  'size',
  'usage %',
  'object based',
  'objects',
  'points per object',
  'licence (masked)',
  'last refresh (ISO)',
  'error',
] as const;

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** One decimal, and nothing for a licence of size 0 (no share of nothing). */
const usagePercent = (used: number, size: number): string =>
  size > 0 ? (Math.round((used / size) * 1000) / 10).toFixed(1) : '';

function reportRow(hub: HubRecord): string[] {
  const licence = hub.licence;
  const licenceCells = licence
    ? [
        licence.type,
        yesNo(licence.isValid),
        yesNo(licence.isActive),
        String(licence.used),
        String(licence.size),
        usagePercent(licence.used, licence.size),
        yesNo(licence.isObjectBased),
        String(licence.objectCount),
        String(licence.pointsPerObject),
        licence.codeLabel,
      ]
    : Array.from({ length: 10 }, () => '');
  return [
    hub.site,
    hub.name,
    hub.hid,
    hub.host,
    ...licenceCells,
    hub.lastRefreshAt === undefined ? '' : new Date(hub.lastRefreshAt).toISOString(),
    hub.lastError?.message ?? '',
  ].map(guardFormula);
}

const bySiteThenName = (a: HubRecord, b: HubRecord): number =>
  a.site.localeCompare(b.site) || a.name.localeCompare(b.name) || a.hid.localeCompare(b.hid);

export function writeHubReport(records: readonly HubRecord[]): string {
  return serialiseCsv([[...REPORT_COLUMNS], ...[...records].sort(bySiteThenName).map(reportRow)]);
}
