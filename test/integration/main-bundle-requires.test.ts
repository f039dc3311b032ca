import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

/**
 * The built main process (the app, its `--cli`, the Node CLI) may load at run time only what
 * an installed app has: Node's own modules, Electron, and the production `dependencies`, which
 * electron-builder ships in app.asar. A devDependency is bundled into out/main instead (zod,
 * electron-store); one loaded from the bundle would stop the installed app at start, which
 * nothing else here can show, since Electron itself cannot run here.
 */

const PROJECT_DIR = join(__dirname, '../..');
const MAIN_DIR = join(PROJECT_DIR, 'out/main');
const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

const builtFiles = (): string[] => {
  try {
    return readdirSync(MAIN_DIR, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(MAIN_DIR, file));
  } catch {
    return [];
  }
};
const files = builtFiles();
if (files.length === 0)
  console.log('Main bundle test skipped: the app is not built (`npm test` builds it first).');

/** Every `require('x')` and `import('x')` in a program, found in its syntax tree (not in strings). */
function loadedSpecifiers(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const child of node) loadedSpecifiers(child, found);
  else if (node !== null && typeof node === 'object') {
    const {
      type,
      callee,
      arguments: args,
      source,
    } = node as {
      type?: string;
      callee?: { type?: string; name?: string };
      arguments?: unknown[];
      source?: unknown;
    };
    const isRequire =
      type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'require';
    const specifier = isRequire ? args?.[0] : type === 'ImportExpression' ? source : undefined;
    const { type: kind, value } = (specifier ?? {}) as { type?: string; value?: unknown };
    if (kind === 'Literal' && typeof value === 'string') found.add(value);
    for (const child of Object.values(node)) loadedSpecifiers(child, found);
  }
  return found;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const shipped = (specifier: string): boolean =>
  specifier.startsWith('.') ||
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier) ||
  specifier === 'electron' ||
  packageOf(specifier) in manifest.dependencies;

describe.skipIf(files.length === 0)('the built main process', () => {
  it('loads only Node, Electron and the shipped dependencies', () => {
    const required = new Set<string>();
    for (const file of files)
      for (const specifier of loadedSpecifiers(parseAst(readFileSync(file, 'utf8'))))
        required.add(specifier);

    expect([...required].filter((specifier) => !shipped(specifier))).toEqual([]);
    // It sees both ways the bundle loads them: required at start, imported when first needed.
    expect(required).toContain('electron');
    expect(required).toContain('node-machine-id');
    expect(required).toContain('axios');
  });

  it('bundles zod rather than loading the whole package at start', () => {
    expect(manifest.dependencies).not.toHaveProperty('zod');
    const bundle = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    // zod's German locale, which the whole package loads on require, is left out of the bundle.
    expect(bundle).toContain('$ZodType');
    expect(bundle).not.toContain('Ungültige Eingabe');
  });
});
