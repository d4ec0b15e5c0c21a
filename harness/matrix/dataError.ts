import type { z } from 'zod';

/** Bad input in a data or config file: the message names the file, the entry, the field and the fix. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Renders a zod issue path as `providers[3] (id "dashlane").aaguid`, naming entries by id where they have one. */
export function describePath(path: readonly PropertyKey[], root: unknown): string {
  let node: unknown = root;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const id = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
      if (id) out += ` (id "${id}")`;
    } else {
      out += out === '' ? String(key) : `.${String(key)}`;
      node = isRecord(node) ? node[String(key)] : undefined;
    }
  }
  return out === '' ? '(top level)' : out;
}

/** Parses `value` with `schema`, or throws one DataError listing every problem with its place. */
export function parseData<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${file}: ${describePath(issue.path, value)}: ${issue.message}`,
  );
  throw new DataError(`Invalid data in ${file}:\n${problems.join('\n')}\nFix the field(s) named above.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
