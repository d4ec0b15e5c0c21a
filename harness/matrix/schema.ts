import { z } from 'zod';

/** The operating systems of the seed's support tables. */
export const OsId = z.enum(['windows', 'macos', 'ios', 'android', 'linux', 'chromeos']);
export type OsId = z.infer<typeof OsId>;

/** The browsers of the seed's tables, plus Samsung Internet on Android. */
export const BrowserId = z.enum(['chrome', 'edge', 'firefox', 'safari', 'samsung-internet']);
export type BrowserId = z.infer<typeof BrowserId>;

/**
 * The authenticator-data backup flags of a passkey:
 * synced = BE1/BS1, eligible = BE1/BS0 (could sync, not backed up yet), device-bound = BE0/BS0.
 */
export const SyncFlag = z.enum(['synced', 'eligible', 'device-bound']);
export type SyncFlag = z.infer<typeof SyncFlag>;

export const Transport = z.enum(['usb', 'nfc', 'ble', 'hybrid', 'internal', 'smart-card']);
export type Transport = z.infer<typeof Transport>;

const Source = z.strictObject({
  title: z.string().min(1),
  url: z.url(),
  /** When the fact was read from the source (YYYY-MM-DD). */
  retrieved: z.iso.date(),
});
export type Source = z.infer<typeof Source>;

const Brand = z.strictObject({ brand: z.string().min(1), version: z.string().min(1) });

/** What Chromium-based browsers send as user-agent client hints (CDP `userAgentMetadata`). */
export const ClientHints = z.strictObject({
  brands: z.array(Brand).min(1),
  fullVersionList: z.array(Brand).min(1),
  platform: z.string().min(1),
  platformVersion: z.string().min(1),
  architecture: z.string(),
  model: z.string(),
  mobile: z.boolean(),
  bitness: z.string(),
  wow64: z.boolean(),
});
export type ClientHints = z.infer<typeof ClientHints>;

/** One OS x browser a user is in, emulated on the Chromium engine. */
export const Environment = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id like "windows-edge"'),
  os: OsId,
  browser: BrowserId,
  /** How a person names it: "Edge on Windows". */
  label: z.string().min(1),
  userAgent: z.string().min(20),
  /** `navigator.platform` of the real browser. */
  navigatorPlatform: z.string().min(1),
  mobile: z.boolean(),
  /** Client hints, or null where the real browser sends none (Firefox, Safari, every browser on iOS). */
  clientHints: ClientHints.nullable(),
  viewport: z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() }),
});
export type Environment = z.infer<typeof Environment>;

export const EnvironmentsFile = z.strictObject({
  description: z.string(),
  source: Source,
  environments: z.array(Environment).min(1),
});

/** Where a passkey is saved. */
export const Provider = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id like "google-password-manager"'),
  name: z.string().min(1),
  /** Other names an RP may rightly show for it (the AAGUID list renames providers now and then). */
  aliases: z.array(z.string().min(1)),
  kind: z.enum(['platform', 'third-party', 'security-key']),
  /** The public AAGUID, or null when the provider has none in the public list (never invented). */
  aaguid: z.guid().nullable(), // not z.uuid(): real AAGUIDs (GPM's) break the RFC 4122 variant bits
  /** Why the AAGUID is what it is, where that needs saying. */
  aaguidNote: z.string().optional(),
  transports: z.array(Transport).min(1),
  /** What `authenticatorAttachment` a credential from it reports. */
  attachment: z.enum(['platform', 'cross-platform']),
  /** The sync flag a new passkey from it has by default. */
  defaultSync: SyncFlag,
  source: Source,
});
export type Provider = z.infer<typeof Provider>;

export const ProvidersFile = z.strictObject({
  description: z.string(),
  providers: z.array(Provider).min(1),
});

/** Support of one provider in one environment, as a support table cell says. */
export const SupportStatus = z.enum(['usable', 'not-usable', 'coming-soon', 'not-applicable']);
export type SupportStatus = z.infer<typeof SupportStatus>;

/** A short name for one of a snapshot's citations, like "passkeys-dev". */
const CitationId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a citation id like "passkeys-dev"');

/** A source a snapshot's facts come from, with its standing and, where it has one, its own date. */
const Citation = z.strictObject({
  ...Source.shape,
  /** The source's own date (YYYY-MM-DD): when it was published or last changed the fact. */
  published: z.iso.date().optional(),
  /**
   * primary: the platform vendor's own words or passkeys.dev; secondary: anyone else's account of
   * them (a personal blog, an issue thread, news), so a fact resting on it alone is less sure.
   */
  standing: z.enum(['primary', 'secondary']),
});
export type Citation = z.infer<typeof Citation>;

const ProviderOnOs = z.strictObject({
  /** Keyed by browser id: exactly the browsers of the OS table. */
  support: z.partialRecord(BrowserId, SupportStatus),
  /** The sync flags a passkey made here with this provider can have (when usable). */
  syncStates: z.array(SyncFlag).min(1),
  /** Why, in the words of the source: shown in the report for not-applicable cells. */
  notes: z.array(z.string().min(1)),
  /** Where this row comes from, when not the snapshot's main source. */
  source: Source.optional(),
  /** The snapshot's citations (ids in its `citations`) this row's status, sync states and notes come from. */
  cite: z.array(CitationId).min(1).optional(),
});

const OsTable = z.strictObject({
  browsers: z.array(BrowserId).min(1),
  /**
   * Keyed by browser id: the providers a new passkey is saved to by default from that browser, in
   * the seed's words "determined by your environment"; several when it depends on the device (a
   * TPM), none when the browser has no built-in provider there.
   */
  defaults: z.partialRecord(BrowserId, z.array(z.string())),
  /** The snapshot's citations (ids in its `citations`) the `defaults` come from. */
  defaultsCite: z.array(CitationId).min(1).optional(),
  /** Keyed by provider id: every provider must be present. */
  providers: z.record(z.string(), ProviderOnOs),
});

/** A dated transcription of which provider works and syncs where. */
export const SupportSnapshot = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}$/, 'a snapshot id like "2024-12"'),
  date: z.iso.date(),
  source: Source,
  /** General notes of the source that apply across tables. */
  notes: z.array(z.string().min(1)),
  /** Every source the snapshot draws on, by id, for facts that need their own (rows' and tables' `cite`). */
  citations: z.record(CitationId, Citation).optional(),
  tables: z.record(OsId, OsTable),
});
export type SupportSnapshot = z.infer<typeof SupportSnapshot>;

/** What a real browser of an environment can do that an RP may feature-detect. */
export const CapabilityId = z.enum([
  'signal-api',
  'get-client-capabilities',
  'conditional-get',
  'conditional-create',
  'hybrid-client',
  'third-party-providers',
]);
export type CapabilityId = z.infer<typeof CapabilityId>;

/** One environment's capability profile: every capability, present or not. */
export const CapabilityProfile = z.record(CapabilityId, z.boolean());
export type CapabilityProfile = z.infer<typeof CapabilityProfile>;

export const CapabilitiesFile = z.strictObject({
  description: z.string(),
  sources: z.array(Source).min(1),
  /** What each capability means and how the page is made to match it. */
  capabilities: z.record(CapabilityId, z.strictObject({ meaning: z.string().min(1), source: z.string().min(1) })),
  /** Keyed by environment id: every environment must be present. */
  environments: z.record(z.string(), z.strictObject({ profile: CapabilityProfile, notes: z.array(z.string()) })),
});
export type CapabilitiesFile = z.infer<typeof CapabilitiesFile>;
