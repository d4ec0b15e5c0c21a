import { Router } from 'express';
import { isScriptName, scriptVersion, SCRIPTS } from '../staticScripts';

export function staticRoutes(): Router {
  const router = Router();
  router.get('/static/:name.js', (req, res, next) => {
    const name = req.params.name;
    if (!isScriptName(name)) return next();
    // An unversioned or outdated URL is revalidated each time (no-cache, not no-store).
    const cache = req.query['v'] === scriptVersion(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
    // dotfiles 'allow': the path is one of SCRIPTS, never the request's; without it a checkout under a
    // dot directory (~/.cache/..., a mutation-testing sandbox in .stryker-tmp/) serves 404 for every script.
    res.sendFile(SCRIPTS[name], { dotfiles: 'allow', headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': cache } });
  });
  return router;
}
