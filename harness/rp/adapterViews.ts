/**
 * The shapes of what an adapter's methods resolve with (harness/rp/adapter.ts), as zod schemas: an
 * adapter's answer is checked against them before a run, so a wrong shape is named where it is
 * made, not as a puzzling failed cell.
 */
import { z } from 'zod';
import { BrowserId, OsId, SyncFlag } from '../matrix/schema';

const SyncShown = z.union([SyncFlag, z.literal('unknown')]);
const WayIn = z.enum(['password', 'email-link']);
const validDate = z.date().refine((date) => !Number.isNaN(date.getTime()), 'an Invalid Date');

export const CreationViewSchema = z.strictObject({
  expectedProviders: z.array(z.string()),
  wontSyncWarning: z.boolean(),
  // null: the RP says nothing at all about the passkey it just made.
  saved: z.strictObject({ providerName: z.string().nullable(), sync: SyncShown }).nullable(),
  deviceBoundAdvice: z.boolean(),
  notBackedUpAdvice: z.boolean().optional(),
});

export const PasskeyViewSchema = z.strictObject({
  credentialId: z.string().min(1),
  providerName: z.string().nullable(),
  providerIcon: z.string().nullable(),
  sync: SyncShown,
  createdIn: z.strictObject({ os: z.union([OsId, z.literal('unknown')]), browser: z.union([BrowserId, z.literal('unknown')]), label: z.string() }),
  createdAt: validDate.nullable(),
  lastUsedAt: z.union([validDate, z.literal('never')]).nullable(),
  name: z.string().nullable().optional(),
});

export const PasskeyListSchema = z.array(PasskeyViewSchema);

export const AnotherProviderSuggestionSchema = z
  .strictObject({ reasons: z.array(z.enum(['none-syncs', 'one-provider'])), provider: z.string().nullable() })
  .nullable();

export const DeleteOutcomeSchema = z.enum(['deleted', 'refused']);

export const SignInHelpViewSchema = z.strictObject({
  providers: z.array(z.strictObject({ name: z.string().nullable(), reachable: z.enum(['yes', 'no', 'maybe']), why: z.string().optional() })),
  crossDevice: z.boolean(),
  otherWays: z.array(WayIn),
  recoveryPath: z.boolean(),
  whatFailed: z.string().optional(),
  title: z.string().optional(),
});

export const OtherWaysListSchema = z.array(WayIn);

export const AfterSignInSchema = z.strictObject({ passkeyOffered: z.boolean() });

export const SignUpWithoutPasskeySchema = z.strictObject({ passkeyOffered: z.boolean(), way: WayIn });

export const SignedInAsSchema = z.string().nullable();

export const EnvironmentShownSchema = z.string().nullable();

export const EmailLinkSchema = z.url();

export const ClockNowSchema = validDate;

/** Where an answer departs from its shape, in one line: the first problem's path and what zod says. */
export function shapeProblem(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the answer';
  return `${where}: ${issue.message} (got ${preview(value, issue.path)})`;
}

function preview(value: unknown, at: PropertyKey[]): string {
  let here: unknown = value;
  for (const key of at) here = (here as Record<PropertyKey, unknown> | null | undefined)?.[key];
  const text = here instanceof Date ? here.toString() : JSON.stringify(here);
  return (text ?? String(here)).slice(0, 80);
}
