import type { CommonMessages } from './common.en';

export const commonDe: CommonMessages = {
  units: { second: 's', minute: 'min', hour: 'h', day: 'T' },
  justNow: 'gerade eben',
  inFuture: (distance) => `in ${distance}`,
  inPast: (distance) => `vor ${distance}`,
  unknownDate: 'unbekanntes Datum',
  unknownTime: 'unbekannte Uhrzeit',
  today: 'heute',
  tomorrow: 'morgen',
  yesterday: 'gestern',
  inDays: (days) => `in ${days} Tagen`,
  daysAgo: (days) => `vor ${days} Tagen`,
};
