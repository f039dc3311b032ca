/**
 * Whether a socket error code says TLS failed: a certificate that cannot be verified (Node's
 * codes), or a peer that does not speak TLS at all (OpenSSL's). Retrying will not help, and
 * silently downgrading would be worse. One test for a server's TLS and an HTTPS proxy's.
 */
export const isTlsFailure = (code: string): boolean =>
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/.test(code);
