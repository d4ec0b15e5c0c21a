import { z } from 'zod';

/**
 * Deliberate bugs the fixture RP can be started with, so the harness can prove it catches them.
 * Each one is a single branch at the place where the real behaviour lives.
 */
export const FAULT_NAMES = [
  'mislabel-provider',
  'misreport-sync',
  'ignore-client-hints',
  'misdetect-environment',
  'no-fallback-link',
  'dead-end-on-failure',
  'no-help-after-failure',
  'no-provider-hints',
  'wrong-reachability',
  'no-cross-device',
  'reusable-email-link',
  'totp-not-checked',
  'totp-wide-window',
  'totp-code-reusable',
  'nag-every-login',
  'promote-despite-passkey',
  'no-provider-icon',
  'icon-of-another-provider',
  'last-used-not-updated',
  'created-at-overwritten',
  'stale-sync-state',
  'delete-last-passkey-silently',
  'no-sync-warning',
  'no-device-bound-advice',
  'no-not-backed-up-advice',
  'no-exclude-credentials',
  'no-second-provider-suggestion',
  'no-signal-on-delete',
  'no-signal-unknown-credential',
  'no-signal-rename',
  'replayable-challenge',
  'challenge-survives-failure',
  'one-challenge-at-a-time',
  'challenge-never-expires',
  'skip-origin-check',
  'origin-prefix-match',
  'skip-rpid-check',
  'ignore-user-verification',
  'ignore-counter',
  'counter-equal-accepted',
  'skip-owner-check',
  'keep-session-id',
  'keep-session-at-sign-out',
  'no-csrf',
  'csrf-any-token',
  'expired-form-dead-end',
  'crash-on-malformed',
] as const;

export const FaultName = z.enum(FAULT_NAMES);
export type FaultName = z.infer<typeof FaultName>;

export type FaultSwitch = { name: FaultName; arg?: string };

/** What each switch takes after `=`, as shown in usage and error messages. */
const ARG_USAGE: Record<FaultName, string | null> = {
  'mislabel-provider': '<aaguid>',
  'misreport-sync': null,
  'ignore-client-hints': null,
  'misdetect-environment': null,
  'no-fallback-link': null,
  'dead-end-on-failure': null,
  'no-help-after-failure': null,
  'no-provider-hints': null,
  'wrong-reachability': null,
  'no-cross-device': null,
  'reusable-email-link': null,
  'totp-not-checked': null,
  'totp-wide-window': null,
  'totp-code-reusable': null,
  'nag-every-login': null,
  'promote-despite-passkey': null,
  'no-provider-icon': null,
  'icon-of-another-provider': null,
  'last-used-not-updated': null,
  'created-at-overwritten': null,
  'stale-sync-state': null,
  'delete-last-passkey-silently': null,
  'no-sync-warning': null,
  'no-device-bound-advice': null,
  'no-not-backed-up-advice': null,
  'no-exclude-credentials': null,
  'no-second-provider-suggestion': null,
  'no-signal-on-delete': null,
  'no-signal-unknown-credential': null,
  'no-signal-rename': null,
  'replayable-challenge': null,
  'challenge-survives-failure': null,
  'one-challenge-at-a-time': null,
  'challenge-never-expires': null,
  'skip-origin-check': null,
  'origin-prefix-match': null,
  'skip-rpid-check': null,
  'ignore-user-verification': null,
  'ignore-counter': null,
  'counter-equal-accepted': null,
  'skip-owner-check': null,
  'keep-session-id': null,
  'keep-session-at-sign-out': null,
  'no-csrf': null,
  'csrf-any-token': null,
  'expired-form-dead-end': null,
  'crash-on-malformed': null,
};

// AAGUIDs need not be RFC 9562 UUIDs (the CDP virtual authenticator's is not), so only the shape is checked.
const Aaguid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'an AAGUID like 01020304-0506-0708-0102-030405060708')
  .transform((value) => value.toLowerCase());

export class FaultSwitchError extends Error {}

/** Every valid switch, for usage text: "mislabel-provider=<aaguid>, misreport-sync, ...". */
export function faultUsage(): string {
  return FAULT_NAMES.map((name) => {
    const arg = ARG_USAGE[name];
    return arg === null ? name : `${name}=${arg}`;
  }).join(', ');
}

/** Parses `NAME` or `NAME=ARG`. Throws FaultSwitchError with a one-line reason. */
export function parseFaultSwitch(text: string): FaultSwitch {
  const trimmed = text.trim();
  const separator = trimmed.indexOf('=');
  const rawName = separator === -1 ? trimmed : trimmed.slice(0, separator);
  const rawArg = separator === -1 ? undefined : trimmed.slice(separator + 1);
  return validateFaultSwitch({ name: rawName, arg: rawArg });
}

/** Parses a comma-separated list such as the `RP_FAULTS` environment variable. */
export function parseFaultList(text: string | undefined): FaultSwitch[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(parseFaultSwitch);
}

/** Checks a switch given in code as well as one parsed from text. */
export function validateFaultSwitch(candidate: { name: string; arg?: string | undefined }): FaultSwitch {
  const name = FaultName.safeParse(candidate.name);
  if (!name.success) {
    throw new FaultSwitchError(`Unknown fault "${candidate.name}". Valid faults: ${faultUsage()}`);
  }
  return withCheckedArg(name.data, candidate.arg);
}

function withCheckedArg(name: FaultName, arg: string | undefined): FaultSwitch {
  const usage = ARG_USAGE[name];
  if (usage === null) {
    if (arg !== undefined) throw new FaultSwitchError(`Fault "${name}" takes no argument, got "${name}=${arg}".`);
    return { name };
  }
  const parsed = Aaguid.safeParse(arg ?? '');
  if (!parsed.success) {
    throw new FaultSwitchError(`Fault "${name}" needs ${usage}, as in ${name}=${usage}; got "${arg ?? ''}".`);
  }
  return { name, arg: parsed.data };
}

/** The switches that are on, by name, with their argument. */
export type ActiveFaults = ReadonlyMap<FaultName, string | undefined>;

export function activeFaults(switches: readonly FaultSwitch[]): ActiveFaults {
  return new Map(switches.map((fault) => {
    const checked = validateFaultSwitch(fault);
    return [checked.name, checked.arg] as const;
  }));
}

export function faultOn(faults: ActiveFaults, name: FaultName): boolean {
  return faults.has(name);
}

export function describeFaults(faults: ActiveFaults): string {
  return [...faults].map(([name, arg]) => (arg === undefined ? name : `${name}=${arg}`)).join(', ');
}
