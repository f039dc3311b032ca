import http from 'node:http';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neverConnected } from '../../src/main/http/proxy-transport';
import { refusedUrl } from '../support/refused-url';

/**
 * DIRECT falls over to the next route of a PAC answer only when the connection to the server
 * never opened, so nothing can have been sent. These are Node's own errors, made for real on
 * loopback, wrapped as axios wraps them (the socket's error as `cause`).
 */

/** The error a GET to host:port ends in; `addresses`: what the name resolves to. */
function failureOf(port: number, addresses?: readonly string[]): Promise<Error> {
  const lookup: LookupFunction | undefined = addresses
    ? (_host, options, callback) => {
        const all = addresses.map((address) => ({ address, family: net.isIP(address) }));
        if (options.all) callback(null, all);
        else callback(null, all[0]?.address ?? '', all[0]?.family);
      }
    : undefined;
  return new Promise((resolve) => {
    const request = http.get({
      host: addresses ? 'dual-stack.test' : '127.0.0.1',
      port,
      path: '/',
      agent: false,
      ...(lookup ? { lookup } : {}),
    });
    request.on('error', resolve);
    request.on('response', () => resolve(new Error('answered')));
  });
}

const asAxiosWrapsIt = (cause: Error) => Object.assign(new Error('wrapped'), { cause });

let hangingUp: net.Server;
let hangingUpPort: number;
beforeAll(async () => {
  hangingUp = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => hangingUp.listen(0, '127.0.0.1', resolve));
  hangingUpPort = (hangingUp.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => hangingUp.close(() => resolve())));

describe('telling a failure to connect from one after the connection opened', () => {
  it('a refused connection never connected', async () => {
    const error = await failureOf(Number(new URL(await refusedUrl()).port));
    expect(neverConnected(asAxiosWrapsIt(error))).toBe(true);
  });

  it('a name with two addresses, both refused: Node’s AggregateError never connected either', async () => {
    const port = Number(new URL(await refusedUrl()).port);
    const error = await failureOf(port, ['127.0.0.1', '::1']);
    expect(error).toBeInstanceOf(AggregateError);
    expect(neverConnected(asAxiosWrapsIt(error))).toBe(true);
  });

  it('a server that took the connection and hung up did connect: the request may have reached it', async () => {
    const error = await failureOf(hangingUpPort);
    expect(neverConnected(asAxiosWrapsIt(error))).toBe(false);
    expect(neverConnected(new AggregateError([], 'nothing tried'))).toBe(false);
  });
});
