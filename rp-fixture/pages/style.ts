import { createHash } from 'node:crypto';

/** The one stylesheet, inline so the pages need nothing else; allowed by its hash in the CSP. */
export const STYLE = `
:root { color-scheme: light dark; --accent: #1a5fb4; --muted: #5e5c64; --line: #c0bfbc; --alert: #c01c28; --ok: #26a269; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; }
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid var(--line); }
header a { color: inherit; font-weight: 600; text-decoration: none; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input { font: inherit; width: 100%; padding: 0.5rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; }
input[readonly] { background: color-mix(in srgb, var(--line) 25%, transparent); }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); }
button:disabled { opacity: 0.6; cursor: progress; }
.note { border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; background: color-mix(in srgb, var(--accent) 8%, transparent); }
/* A confirmation (a status) looks done wherever it is shown: styled by its role, not a class to remember. */
[role="status"].note { border-left-color: var(--ok); background: color-mix(in srgb, var(--ok) 10%, transparent); }
[role="alert"] { border-left: 4px solid var(--alert); padding: 0.5rem 0.75rem; background: color-mix(in srgb, var(--alert) 10%, transparent); }
ul.passkeys { list-style: none; padding: 0; }
ul.passkeys li { border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
ul.passkeys dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0 0; }
ul.passkeys dt { color: var(--muted); }
ul.passkeys dd { margin: 0; }
.provider { font-weight: 600; font-size: 1.1rem; }
.passkey-title { display: flex; align-items: center; gap: 0.75rem; }
.passkey-title > div { display: flex; flex-direction: column; }
.provider-icon { flex: none; border-radius: 7px; }
.nickname { color: var(--muted); }
ul.passkeys form { margin-top: 0.75rem; }
ul.passkeys .inline { display: flex; gap: 0.5rem; }
ul.passkeys .inline input { flex: 1; }
.confirm { display: flex; align-items: flex-start; gap: 0.5rem; margin-bottom: 0.5rem; }
.confirm input { width: auto; margin-top: 0.3rem; }
.confirm label { font-weight: normal; }
button.danger { background: transparent; color: var(--alert); border-color: var(--alert); }
.warning { border-left-color: #e5a50a; background: color-mix(in srgb, #e5a50a 12%, transparent); }
footer { color: var(--muted); font-size: 0.875rem; border-top: 1px solid var(--line); }
`;

export const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;
