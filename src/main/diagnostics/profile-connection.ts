import type { ConnectionTest } from '../../shared/diagnostics-model';
import type { ProfileConfig } from '../config/vendor-config';
import { testTarget, type ConnectionTestDeps } from './connection-test';

/**
 * Which servers a profile talks to, and the test of each. Licence files need no server, and
 * MobiusFlow hubs are many addresses the engineer adds (each hub reports its own error on the
 * Hubs screen), so those profiles say why there is nothing to test here.
 */

interface Targets {
  readonly urls: readonly string[];
  readonly note?: string;
}

export function targetsOf(profile: ProfileConfig): Targets {
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
        note: 'Each hub has its own address: refresh the hubs on the Hubs screen, where each one shows its own error.',
      };
    case 'licence-file':
      return {
        urls: [],
        note: 'Licence files are checked on this computer; no server is involved.',
      };
  }
}

export async function testProfileConnection(
  profile: ProfileConfig,
  deps: ConnectionTestDeps,
  now: () => number,
): Promise<ConnectionTest> {
  const { urls, note } = targetsOf(profile);
  const targets = [];
  // One after the other: the second server of a profile is rarely the one that fails first.
  for (const url of urls) targets.push(await testTarget(new URL(url), deps));
  return {
    profileId: profile.id,
    label: profile.label,
    testedAt: now(),
    ok: targets.every((target) => target.failure === undefined),
    targets,
    ...(note ? { note } : {}),
  };
}
