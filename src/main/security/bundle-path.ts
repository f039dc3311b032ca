import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a request path to a file inside the renderer bundle, or undefined when it would leave it.
 * Both the app:// protocol and the browser host serve files through this one function, so path
 * traversal (`..`, `%2e%2e`, encoded slashes, absolute paths, NUL) is refused in one place.
 */
export function resolveBundlePath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relativePath =
    decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(relativePath)) return undefined;
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const inside = relative(base, target);
  if (
    inside === '' ||
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    inside.split(sep).includes('..')
  )
    return undefined;
  return target;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const contentTypeFor = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
