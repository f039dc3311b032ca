import net from 'node:net';
import tls from 'node:tls';
import { trusting } from '../net/ca-bundle';
import { socketHost } from '../net/proxy-route';
import type { Peer } from './step-failures';
import type { DiagnosticsWords } from './words.en';

/**
 * The connection test's socket-level steps, each within its deadline: a TCP connection, a TLS
 * handshake checked as the app's client checks it, and what the certificate says.
 */

/** Rejects with an ETIMEDOUT-coded error when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const codeOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | undefined)?.code ?? 'ERROR';

export function connectTcp(peer: Peer, timeoutMs: number): Promise<net.Socket> {
  const socket = net.connect({ host: peer.host, port: peer.port });
  const connected = new Promise<net.Socket>((resolve, reject) => {
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
  return within(connected, timeoutMs, () => socket.destroy());
}

export function handshake(
  socket: net.Socket,
  url: URL,
  ca: readonly string[] | undefined,
  timeoutMs: number,
) {
  const host = socketHost(url);
  const secure = tls.connect({
    socket,
    host,
    // SNI takes names only; an IP address is still checked against the certificate via `host`.
    ...(net.isIP(host) ? {} : { servername: host }),
    ...trusting(ca),
    ALPNProtocols: ['http/1.1'],
  });
  const done = new Promise<tls.TLSSocket>((resolve, reject) => {
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', reject);
  });
  return within(done, timeoutMs, () => secure.destroy());
}

export const certificateDetail = (secure: tls.TLSSocket, words: DiagnosticsWords): string => {
  const certificate = secure.getPeerCertificate();
  const name = (entity: tls.Certificate | undefined): string =>
    `${entity?.CN ?? entity?.O ?? words.steps.unnamed}`;
  return words.steps.certificate(
    secure.getProtocol() ?? 'TLS',
    name(certificate.subject),
    name(certificate.issuer),
    certificate.valid_to,
  );
};
