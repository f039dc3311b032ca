import type { ErrorCode } from '../shared/errors';

/**
 * Documented in the README and docs/silent-install.md, whose tables test/unit/exit-codes.test.ts
 * checks against this mapping; installers and scripts depend on these numbers.
 */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  refused: 3,
  unreachable: 4,
  protocol: 5,
} as const;

const BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_input: EXIT.usage,
  config: EXIT.usage,
  unauthorized: EXIT.usage, // the vendor's API key in the configuration was refused
  secret_store: EXIT.usage,
  storage: EXIT.usage,
  invalid_key: EXIT.refused,
  invalid_credentials: EXIT.refused,
  seat_unavailable: EXIT.refused,
  license_expired: EXIT.refused,
  license_revoked: EXIT.refused,
  tampered: EXIT.refused,
  invalid_file: EXIT.refused,
  wrong_product: EXIT.refused,
  wrong_machine: EXIT.refused,
  seat_lost: EXIT.refused,
  not_activated: EXIT.refused,
  offline: EXIT.unreachable,
  timeout: EXIT.unreachable,
  server_error: EXIT.protocol,
  rate_limited: EXIT.protocol,
  protocol: EXIT.protocol,
  internal: EXIT.internal,
};

export const exitCodeFor = (code: ErrorCode): number => BY_CODE[code];
