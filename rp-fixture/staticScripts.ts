import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The browser library's own UMD bundle (global `SimpleWebAuthnBrowser`): no build step needed. */
function simpleWebAuthnBundle(): string {
  // The package's exports map hides dist/, so start from its main entry and walk to the bundle.
  const main = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return path.join(path.dirname(main), '..', 'dist', 'bundle', 'index.umd.min.js');
}

const PUBLIC = path.join(import.meta.dirname, 'public');

/** The page scripts, by the name in their URL. */
export const SCRIPTS = {
  'simplewebauthn-browser': simpleWebAuthnBundle(),
  rpApi: path.join(PUBLIC, 'rpApi.js'),
  app: path.join(PUBLIC, 'app.js'),
  waysIn: path.join(PUBLIC, 'waysIn.js'),
} as const;

export type ScriptName = keyof typeof SCRIPTS;

const versions = new Map<ScriptName, string>();

/** The script's content hash, read once: the RP serves what it started with. */
export function scriptVersion(name: ScriptName): string {
  let found = versions.get(name);
  if (!found) {
    found = createHash('sha256').update(readFileSync(SCRIPTS[name])).digest('hex').slice(0, 12);
    versions.set(name, found);
  }
  return found;
}

/**
 * A script's URL, versioned by its content as a careful site's build does: browsers keep it for a year
 * and ask again only when the content (so the URL) changes, not on every page.
 */
export function scriptUrl(name: ScriptName): string {
  return `/static/${name}.js?v=${scriptVersion(name)}`;
}

export function isScriptName(name: string): name is ScriptName {
  return Object.hasOwn(SCRIPTS, name);
}
