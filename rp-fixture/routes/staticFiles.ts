import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';

/** The browser library's own UMD bundle (global `SimpleWebAuthnBrowser`): no build step needed. */
function simpleWebAuthnBundle(): string {
  // The package's exports map hides dist/, so start from its main entry and walk to the bundle.
  const main = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return path.join(path.dirname(main), '..', 'dist', 'bundle', 'index.umd.min.js');
}

const PUBLIC = path.join(import.meta.dirname, '..', 'public');

/** The page scripts, by the name in their URL. */
const SCRIPTS = {
  'simplewebauthn-browser': simpleWebAuthnBundle(),
  rpApi: path.join(PUBLIC, 'rpApi.js'),
  app: path.join(PUBLIC, 'app.js'),
  waysIn: path.join(PUBLIC, 'waysIn.js'),
} as const;

export type ScriptName = keyof typeof SCRIPTS;

const versions = new Map<ScriptName, string>();

/** The script's content hash, read once: the RP serves what it started with. */
function version(name: ScriptName): string {
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
  return `/static/${name}.js?v=${version(name)}`;
}

function isScriptName(name: string): name is ScriptName {
  return Object.hasOwn(SCRIPTS, name);
}

export function staticRoutes(): Router {
  const router = Router();
  router.get('/static/:name.js', (req, res, next) => {
    const name = req.params.name;
    if (!isScriptName(name)) return next();
    // An unversioned or outdated URL is revalidated each time (no-cache, not no-store).
    const cache = req.query['v'] === version(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
    // dotfiles 'allow': the path is one of SCRIPTS, never the request's; without it a checkout under a
    // dot directory (~/.cache/..., a mutation-testing sandbox in .stryker-tmp/) serves 404 for every script.
    res.sendFile(SCRIPTS[name], { dotfiles: 'allow', headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': cache } });
  });
  return router;
}
