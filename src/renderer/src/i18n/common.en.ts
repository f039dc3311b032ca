import { messagesOf } from './messages';

/**
 * Words every screen shares: time and duration units, relative times, the shell and the
 * components. English is the source every translation is checked against.
 */
export const commonEn = {
  units: { second: 's', minute: 'm', hour: 'h', day: 'd' },
  justNow: 'just now',
  inFuture: (distance: string) => `in ${distance}`,
  inPast: (distance: string) => `${distance} ago`,
  unknownDate: 'unknown date',
  unknownTime: 'unknown time',
  today: 'today',
  tomorrow: 'tomorrow',
  yesterday: 'yesterday',
  inDays: (days: number) => `in ${days} days`,
  daysAgo: (days: number) => `${days} days ago`,
};

export type CommonMessages = typeof commonEn;

/** The shared words in the active language. */
export const tCommon = (): CommonMessages => messagesOf('common', commonEn);
