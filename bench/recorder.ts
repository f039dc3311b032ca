import { createServer } from 'node:http';

/** One request as the client sent it, enough to send it again byte for byte. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly status: number;
}

export interface Recorder {
  /** Point the client here instead of at the server. */
  readonly url: string;
  /** The requests seen since the last take, in arrival order. */
  take(): RecordedRequest[];
  /** Holds every request this long before forwarding it, like a slower network. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** Hop-by-hop and length headers: fetch sets its own. */
const DROPPED = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

const forwardable = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name, value]) => !DROPPED.has(name) && typeof value === 'string')
      .map(([name, value]) => [name, value as string]),
  );

/**
 * A recording reverse proxy for the activation benchmark: it forwards every request to `target`
 * and keeps a copy, so the benchmark can later send exactly the client's requests with a bare
 * `fetch` and compare the two. On loopback it only records; with a delay, both sides of a
 * comparison go through it.
 */
export async function startRecorder(target: string): Promise<Recorder> {
  let seen: RecordedRequest[] = [];
  let delayMs = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const method = request.method ?? 'GET';
        const headers = forwardable(request.headers);
        const path = request.url ?? '/';
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const answer = await fetch(new URL(path, target), {
          method,
          headers,
          body: body.length > 0 ? body : undefined,
        });
        seen.push({ method, path, headers, body, status: answer.status });
        const reply = Buffer.from(await answer.arrayBuffer());
        const replyHeaders: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!DROPPED.has(name) && name !== 'content-encoding') replyHeaders[name] = value;
        });
        response.writeHead(answer.status, replyHeaders).end(reply);
      })().catch((error: unknown) => response.writeHead(502).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('recorder has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    setDelay: (ms) => {
      delayMs = ms;
    },
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sends recorded requests again, one after the other, with a bare `fetch` to `target`; answers
 * how many came back with a different status than when recorded (0 = the server did the same work).
 */
export async function replay(
  target: string,
  requests: readonly RecordedRequest[],
): Promise<number> {
  let differing = 0;
  for (const request of requests) {
    const answer = await fetch(new URL(request.path, target), {
      method: request.method,
      headers: request.headers,
      body: request.body.length > 0 ? request.body : undefined,
    });
    await answer.arrayBuffer();
    if (answer.status !== request.status) differing += 1;
  }
  return differing;
}
