import { formatNumber as n, plural } from './messages';

/**
 * The words of the helpers in lib/hubs/: usage, states, error labels, filters, progress, summaries
 * and the checks of the licence-code field and the hub form. English is the source.
 */
export const hubsTextEn = {
  usage: {
    objects: (used: number, size: number) => `${n(used)} of ${n(size)} objects`,
    points: (used: number, size: number) => `${n(used)} of ${n(size)} points`,
    sizeObjects: (size: number) => `${n(size)} objects`,
    sizePoints: (size: number) => `${n(size)} points`,
    summaryObjects: (type: string, size: number) => `${type}, ${n(size)} objects`,
    summaryPoints: (type: string, size: number) => `${type}, ${n(size)} points`,
    pointsPerObject: (points: number) =>
      `${n(points)} ${plural(points, 'point', 'points')} per object`,
    objectCount: (objects: number) => `${n(objects)} ${plural(objects, 'object', 'objects')}`,
    pointCount: (points: number) => `${n(points)} ${plural(points, 'point', 'points')}`,
    customPointsMap: 'custom points map',
  },
  state: {
    notRead: 'Not read',
    valid: 'Valid',
    invalid: 'Invalid',
    active: 'Active',
    inactive: 'Inactive',
  },
  concern: {
    notValid: 'The hub reports this licence as not valid.',
    notActive: 'The licence is not active.',
    overLimit: (usage: string) => `The hub uses more than the licence allows: ${usage}.`,
    nearlyFull: (usage: string) => `Over 90 % used: ${usage}.`,
  },
  /** A word or two per error code, for the table's error column. */
  error: {
    offline: 'Unreachable',
    timeout: 'Timed out',
    signInRefused: 'Sign-in refused',
    serverError: 'Hub error',
    protocol: 'Bad reply',
    tampered: 'Certificate mismatch',
    rateLimited: 'Too many requests',
    invalidInput: 'Refused the request',
    invalidKey: 'Code not recognised',
    config: 'Check the hub settings',
    secretStore: 'Password unavailable',
    storage: 'Local storage problem',
    licence: 'Licence problem',
    internal: 'App error',
  },
  filter: {
    all: 'All',
    invalid: 'Invalid',
    inactive: 'Inactive',
    nearlyFull: 'Over 90 % used',
    unreachable: 'Unreachable',
    errors: 'Errors',
  },
  progress: {
    running: (done: number, total: number) =>
      `${n(done)} of ${n(total)} ${plural(total, 'hub', 'hubs')}`,
    runningWithFailures: (done: number, total: number, failed: number) =>
      `${n(done)} of ${n(total)} ${plural(total, 'hub', 'hubs')} · ${n(failed)} failed`,
    refreshed: (total: number, answered: number) =>
      `Refreshed ${n(total)} ${plural(total, 'hub', 'hubs')}: ${n(answered)} answered.`,
    refreshedWithFailures: (total: number, answered: number, failed: number) =>
      `Refreshed ${n(total)} ${plural(total, 'hub', 'hubs')}: ${n(answered)} answered, ${n(failed)} failed.`,
  },
  imported: {
    changed: (added: number, updated: number) =>
      `Added ${n(added)} ${plural(added, 'hub', 'hubs')} and updated ${n(updated)}.`,
    rejected: (lines: number) =>
      plural(lines, `${n(lines)} line was not imported.`, `${n(lines)} lines were not imported.`),
  },
  code: {
    missing: 'Enter the new licence code.',
    tooLong: 'A licence code is at most 1,000 characters.',
    shape: 'A licence code is groups of hexadecimal digits (0–9, a–f) joined by dashes.',
  },
  /**
   * The hub form's own checks, said before the contract's schema is asked (its problems are the
   * core's texts: lib/hubs/hub-form.ts). Plain http names the tick box the schema cannot know of.
   */
  form: {
    port: 'A port is a whole number from 1 to 65535.',
    passwordMissing: 'Enter the password of the hub account.',
    httpOffLan:
      'Plain http is allowed only for a hub on the site LAN: tick “On the site LAN”, or use https.',
  },
};

export type HubsTextMessages = typeof hubsTextEn;
