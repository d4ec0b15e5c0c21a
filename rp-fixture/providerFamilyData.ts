import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The provider families, as data (rp-fixture/data/providerFamilies.json, dated and sourced there). */
const FILE = new URL('./data/providerFamilies.json', import.meta.url);

const Family = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['platform', 'third-party', 'security-key']),
  aaguids: z.array(z.guid()).optional(),
  /** For families known by name only (security keys: one AAGUID per model). */
  namePattern: z.string().optional(),
  monogram: z.strictObject({ text: z.string().min(1), background: z.string(), foreground: z.string().optional() }).optional(),
});
export type FamilyRow = z.infer<typeof Family>;

const File = z.strictObject({
  description: z.string(),
  source: z.strictObject({ title: z.string(), retrieved: z.string() }),
  families: z.array(Family).min(1),
});

export function loadProviderFamilies(): FamilyRow[] {
  return File.parse(JSON.parse(readFileSync(FILE, 'utf8'))).families;
}
