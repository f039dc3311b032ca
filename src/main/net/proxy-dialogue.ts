import type net from 'node:net';

/** What went wrong on the way through a proxy, before the server itself was reached. */
export class ProxyFailure extends Error {
  readonly proxy: string;
  /** An HTTP proxy's status when it answered the CONNECT with anything but 200. */
  readonly status?: number;
  /** The socket error code when the proxy could not be reached or hung up. */
  readonly socketCode?: string;
  /** Why TLS with an HTTPS proxy failed: its certificate, or no TLS at all (Node's code). */
  readonly tlsCode?: string;
  /** A SOCKS proxy's refusal: its reply code, or `credentials` when it would not let us in. */
  readonly socks?: number | 'credentials';
  /** With a 407: the sign-in schemes its Proxy-Authenticate offers, lower case (`negotiate`...). */
  readonly schemes?: readonly string[];

  constructor(
    proxy: string,
    detail: {
      status?: number;
      socketCode?: string;
      tlsCode?: string;
      socks?: number | 'credentials';
      schemes?: readonly string[];
      message: string;
    },
  ) {
    super(detail.message);
    this.name = 'ProxyFailure';
    this.proxy = proxy;
    this.status = detail.status;
    this.socketCode = detail.socketCode;
    this.tlsCode = detail.tlsCode;
    this.socks = detail.socks;
    this.schemes = detail.schemes;
  }

  /**
   * The proxy wants the logged-on user's Windows sign-in (Negotiate, which is Kerberos or NTLM, or
   * NTLM itself): something only Chromium's network stack does, never Node's.
   */
  get asksWindowsSignIn(): boolean {
    return (
      this.status === 407 &&
      (this.schemes ?? []).some((scheme) => scheme === 'negotiate' || scheme === 'ntlm')
    );
  }

  /**
   * The proxy could not be reached at all, so nothing of the request left this computer: the one
   * case where the next proxy in a PAC answer may be tried without sending anything twice.
   */
  get unreachable(): boolean {
    const connectionFailed = this.socketCode !== undefined || this.tlsCode !== undefined;
    return connectionFailed && this.status === undefined && this.socks === undefined;
  }
}

/** One side of the talk with a proxy, before the connection is handed to the request. */
export interface ProxyDialogue {
  send(bytes: Buffer | string): void;
  /**
   * Waits for the proxy's next answer: `complete` is shown every byte received so far and says
   * how many of them make the answer (undefined: not all there yet). Rejects with a ProxyFailure
   * that `complete` throws, or when the proxy hangs up or falls silent.
   */
  receive(complete: (received: Buffer) => number | undefined): Promise<Buffer>;
}

/**
 * Runs `talk` over a socket to the proxy (HTTP CONNECT, a SOCKS handshake) within one deadline.
 * Resolves with the socket, ready for the request's own bytes, once `talk` is done; on any failure
 * the socket is destroyed and the ProxyFailure names the proxy.
 */
export function converse(
  socket: net.Socket,
  proxy: string,
  timeoutMs: number,
  talk: (dialogue: ProxyDialogue) => Promise<void>,
): Promise<net.Socket> {
  let received = Buffer.alloc(0);
  let waiting: { complete: (received: Buffer) => number | undefined } | undefined;
  let answer: ((bytes: Buffer) => void) | undefined;
  let failed: ((error: ProxyFailure) => void) | undefined;
  let failure: ProxyFailure | undefined;

  const fail = (error: ProxyFailure): void => {
    failure ??= error;
    failed?.(failure);
  };
  const check = (): void => {
    if (!waiting || !answer) return;
    let length: number | undefined;
    try {
      length = waiting.complete(received);
    } catch (error) {
      fail(error as ProxyFailure);
      return;
    }
    if (length === undefined) return;
    const bytes = received.subarray(0, length);
    received = received.subarray(length);
    const resolve = answer;
    waiting = answer = failed = undefined;
    resolve(bytes);
  };
  const onData = (chunk: Buffer): void => {
    received = Buffer.concat([received, chunk]);
    check();
  };
  const onError = (error: NodeJS.ErrnoException): void =>
    fail(
      new ProxyFailure(proxy, { socketCode: error.code ?? 'ECONNRESET', message: error.message }),
    );
  const onClose = (): void =>
    fail(new ProxyFailure(proxy, { socketCode: 'ECONNRESET', message: 'closed before answering' }));
  const onTimeout = (): void =>
    fail(new ProxyFailure(proxy, { socketCode: 'ETIMEDOUT', message: 'no answer in time' }));
  const stopListening = (): void => {
    socket.off('data', onData).off('error', onError).off('close', onClose);
    socket.off('timeout', onTimeout).setTimeout(0);
  };

  socket.on('data', onData).on('error', onError).on('close', onClose);
  socket.setTimeout(timeoutMs).on('timeout', onTimeout);
  const dialogue: ProxyDialogue = {
    send: (bytes) => {
      socket.write(bytes);
    },
    receive: (complete) =>
      new Promise<Buffer>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting = { complete };
        answer = resolve;
        failed = reject;
        check();
      }),
  };
  return talk(dialogue).then(
    () => {
      stopListening();
      // Bytes after the proxy's last answer already belong to the connection.
      if (received.length > 0) socket.unshift(received);
      return socket;
    },
    (error: unknown) => {
      stopListening();
      socket.destroy();
      throw error;
    },
  );
}

/**
 * The sign-in schemes a proxy offers in its Proxy-Authenticate header(s), lower case: each
 * challenge starts with its scheme's name, and parameters (realm="...") come after it. Quoted
 * values are set aside first: a realm may hold commas and words ("Corp proxy, NTLM users").
 */
export function signInSchemes(challenges: readonly string[]): readonly string[] {
  const schemes = new Set<string>();
  for (const challenge of challenges)
    for (const part of challenge.replace(/"(?:[^"\\]|\\.)*"/g, '""').split(','))
      // A scheme is a token at the start of a part that is not a parameter (name=value).
      if (/^\s*[A-Za-z][\w-]*(\s|$)/.test(part) && !/^\s*[\w-]+\s*=/.test(part))
        schemes.add(part.trim().split(/\s+/)[0]!.toLowerCase());
  return [...schemes];
}
