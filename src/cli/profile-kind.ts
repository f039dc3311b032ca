import type { Core } from '../main/core';

/** The kind of a configured profile (undefined for an unknown id): commands route on it. */
export const kindOf = (core: Core, profileId: string) =>
  core.config.profiles.find((profile) => profile.id === profileId)?.kind;
