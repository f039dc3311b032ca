import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeFor, resolveBundlePath } from '../security/bundle-path';
import { SECURITY_HEADERS } from '../security/csp';
import { APP_SCHEME } from '../security/trusted-origin';

/** Must run before `ready`: app:// behaves like a secure, standard origin (fetch, CSP, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer bundle from app://bundle/ with the CSP as a header. */
export function serveRendererBundle(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'bundle' ? resolveBundlePath(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentTypeFor(file), ...SECURITY_HEADERS },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
