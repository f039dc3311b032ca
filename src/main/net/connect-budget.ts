import type http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Ends the connection if the server has not accepted it within `ms`, with the error Node gives
 * when connecting times out (ETIMEDOUT of the `connect` call): like a refusal, it says that
 * nothing was sent.
 */
function budgeted(socket: Duplex | null | undefined, ms: number) {
  if (!(socket instanceof net.Socket)) return socket;
  const timer = setTimeout(() => {
    if (!socket.connecting) return;
    const message = `did not accept a connection within ${ms} ms`;
    socket.destroy(Object.assign(new Error(message), { code: 'ETIMEDOUT', syscall: 'connect' }));
  }, ms);
  const stop = (): void => clearTimeout(timer);
  socket.once('connect', stop);
  socket.once('close', stop);
  return socket;
}

/**
 * The agent for DIRECT when a PAC answer names a route after it ("DIRECT; PROXY backup:8080"):
 * the server must accept the TCP connection within the connect budget, as a proxy must, or a
 * firewall that drops packets would hold the request until its whole deadline and the backup
 * would never get its turn. DIRECT as the last or only route keeps the system's own connect
 * timeout. Works for http and https agents alike: only the socket's first moments are watched.
 */
export function withConnectBudget<A extends http.Agent>(agent: A, ms: number): A {
  const create = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => budgeted(create(options, callback), ms);
  return agent;
}
