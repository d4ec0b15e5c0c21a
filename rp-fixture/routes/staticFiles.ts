import { createRequire } from 'node:module';
import path from 'node:path';
import type { Response } from 'express';
import { Router } from 'express';

/** The browser library's own UMD bundle (global `SimpleWebAuthnBrowser`): no build step needed. */
function simpleWebAuthnBundle(): string {
  // The package's exports map hides dist/, so start from its main entry and walk to the bundle.
  const main = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return path.join(path.dirname(main), '..', 'dist', 'bundle', 'index.umd.min.js');
}

const APP_SCRIPT = path.join(import.meta.dirname, '..', 'public', 'app.js');
const API_SCRIPT = path.join(import.meta.dirname, '..', 'public', 'rpApi.js');

export function staticRoutes(): Router {
  const router = Router();
  const bundle = simpleWebAuthnBundle();
  router.get('/static/simplewebauthn-browser.js', (_req, res) => sendScript(res, bundle));
  router.get('/static/rpApi.js', (_req, res) => sendScript(res, API_SCRIPT));
  router.get('/static/app.js', (_req, res) => sendScript(res, APP_SCRIPT));
  return router;
}

function sendScript(res: Response, file: string): void {
  // no-cache, not no-store: revalidate so an edited app.js shows up on reload.
  res.sendFile(file, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } });
}
