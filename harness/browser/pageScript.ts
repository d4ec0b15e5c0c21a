/**
 * The source of a function to run in the page, called with JSON-serialisable arguments.
 * TypeScript loaders may wrap named functions in a `__name(...)` helper that exists only in Node
 * (esbuild's keepNames); the shim gives the page the same helper so `fn.toString()` runs there.
 */
export function pageScriptSource<A extends unknown[]>(fn: (...args: A) => void, ...args: A): string {
  const call = `(${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')});`;
  return `(() => { const __name = (target) => target; ${call} })();`;
}
