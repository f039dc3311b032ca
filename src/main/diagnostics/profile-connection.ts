import type { ConnectionTest } from '../../shared/diagnostics-model';
import type { ProfileConfig } from '../config/vendor-config';
import type { StepFailure } from './step-failures';
import { testTargetOutcome, type ConnectionTestDeps } from './connection-test';
import { diagnosticsWordsEn, type DiagnosticsWords } from './words.en';

/**
 * Which servers a profile talks to, and the test of each. Licence files need no server, and
 * MobiusFlow hubs are many addresses the engineer adds (each hub reports its own error on the
 * Hubs screen), so those profiles say why there is nothing to test here.
 */

interface Targets {
  readonly urls: readonly string[];
  readonly note?: string;
}

export function targetsOf(
  profile: ProfileConfig,
  words: DiagnosticsWords = diagnosticsWordsEn,
): Targets {
  switch (profile.kind) {
    case 'seats':
    case 'flecs':
      return { urls: [profile.baseUrl] };
    case 'licensespring': {
      const token = profile.auth.kind === 'oauth' ? profile.auth.tokenUrl : undefined;
      const separate = token && new URL(token).origin !== new URL(profile.baseUrl).origin;
      return { urls: separate ? [profile.baseUrl, token] : [profile.baseUrl] };
    }
    case 'eniris':
      return {
        urls:
          new URL(profile.authUrl).origin === new URL(profile.apiUrl).origin
            ? [profile.apiUrl]
            : [profile.authUrl, profile.apiUrl],
      };
    case 'mobiusflow':
      return {
        urls: [],
        note: words.notes.hubs,
      };
    case 'licence-file':
      return {
        urls: [],
        note: words.notes.licenceFile,
      };
  }
}

/** A profile's test, and its first failure in English for the recent log. */
export interface ProfileTestOutcome {
  readonly test: ConnectionTest;
  readonly englishFailure?: StepFailure;
}

export async function testProfileConnection(
  profile: ProfileConfig,
  deps: ConnectionTestDeps,
  now: () => number,
  words: DiagnosticsWords = diagnosticsWordsEn,
): Promise<ProfileTestOutcome> {
  const { urls, note } = targetsOf(profile, words);
  const outcomes = [];
  // One after the other: the second server of a profile is rarely the one that fails first.
  for (const url of urls) outcomes.push(await testTargetOutcome(new URL(url), deps, words));
  const targets = outcomes.map((outcome) => outcome.result);
  const englishFailure = outcomes.find((outcome) => outcome.englishFailure)?.englishFailure;
  return {
    test: {
      profileId: profile.id,
      label: words.profileName(profile),
      testedAt: now(),
      ok: targets.every((target) => target.failure === undefined),
      targets,
      ...(note ? { note } : {}),
    },
    ...(englishFailure ? { englishFailure } : {}),
  };
}
