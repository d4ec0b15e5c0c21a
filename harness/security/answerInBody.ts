/**
 * Where the browser's WebAuthn answer (a PublicKeyCredential as JSON) sits in a request body. The
 * harness knows no RP's API: it recognises the answer by its shape, an object whose `response` has a
 * `clientDataJSON`, wherever the RP's page put it (the body itself, or a field such as `credential`).
 */

/** Which ceremony an answer belongs to: `create` carries an attestation object, `get` authenticator data. */
export type Ceremony = 'create' | 'get';

/** How the RP's page writes binary fields: WebAuthn's JSON form is base64url; some pages send standard base64. */
export type BinaryEncoding = 'base64url' | 'base64';

export type JsonPath = readonly (string | number)[];

export interface AnswerInBody {
  /** From the body to the PublicKeyCredential object; empty when it is the body. */
  path: JsonPath;
  ceremony: Ceremony;
  encoding: BinaryEncoding;
}

/** Answers nest at most this deep in the bodies of the RPs we know; deeper is not searched. */
const MAX_DEPTH = 4;

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as JSON, or undefined when it is none (no body, a form, truncated text). */
export function jsonBody(text: string | null): unknown {
  if (text === null || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The WebAuthn answer in a JSON body, breadth first (the shallowest wins), or null. */
export function findAnswer(body: unknown): AnswerInBody | null {
  const queue: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: [] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    const response = (value as JsonObject)['response'];
    if (!Array.isArray(value) && isJsonObject(response) && typeof response['clientDataJSON'] === 'string') {
      // A registration answer's JSON carries its authenticator data too: the attestation object tells them apart.
      const ceremony = typeof response['attestationObject'] === 'string' ? 'create' : typeof response['authenticatorData'] === 'string' ? 'get' : null;
      if (ceremony) return { path, ceremony, encoding: encodingOf(response['clientDataJSON']) };
    }
    if (path.length >= MAX_DEPTH) continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, child] of entries) queue.push({ value: child, path: [...path, key] });
  }
  return null;
}

/** Standard base64 shows itself by `+`, `/` or padding; anything else is read as base64url, WebAuthn's own. */
function encodingOf(sample: string): BinaryEncoding {
  return /[+/=]/.test(sample) ? 'base64' : 'base64url';
}

export function valueAt(body: unknown, path: JsonPath): unknown {
  let value = body;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** A copy of the body with the value at `path` replaced (the body itself when the path is empty). */
export function withValueAt(body: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) throw new Error(`No object at ${path.slice(0, -1).join('.')} in the body`);
  (parent as Record<string | number, unknown>)[path[path.length - 1]!] = replacement;
  return copy;
}

export function decodeBinary(text: string): Buffer {
  // Node's base64 decoder reads the URL-safe alphabet too.
  return Buffer.from(text, 'base64');
}

export function encodeBinary(bytes: Uint8Array, encoding: BinaryEncoding): string {
  return Buffer.from(bytes).toString(encoding);
}
