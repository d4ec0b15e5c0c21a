import { loadCreationAdvice, type CreationAdvice } from './creationAdviceData';
import type { DetectedEnvironment } from './environment';
import { faultOn, type ActiveFaults } from './faults';

/**
 * Where a new passkey will most likely be saved, told to the user before creating it. The knowledge
 * is data (rp-fixture/data/creationAdvice.json, as of 2026-11, sourced there): one row per OS and
 * browser group, first match wins.
 */
export type { CreationAdvice } from './creationAdviceData';

/** The table, from rp-fixture/data/creationAdvice.json (dated and sourced there). */
const TABLE = loadCreationAdvice();

export function creationAdvice(environment: Pick<DetectedEnvironment, 'os' | 'browser'>, faults: ActiveFaults = new Map()): CreationAdvice {
  const row = TABLE.rows.find(
    (candidate) =>
      candidate.os === environment.os && (candidate.browsers === 'any' || candidate.browsers.includes(environment.browser)),
  );
  // Stryker disable next-line OptionalChaining: not judged: every cell's system and browser has a row of its own, so no cell reaches the advice for one the RP cannot tell
  const advice = row?.advice ?? TABLE.undetected;
  // Fault no-sync-warning: a passkey that will stay on this device is announced without saying so.
  if (faultOn(faults, 'no-sync-warning')) return { ...advice, syncWarning: null };
  return advice;
}

/** The advice as one paragraph, ending with the note that a third-party manager may step in. */
export function creationAdviceText(advice: CreationAdvice): string {
  return `${advice.text} ${TABLE.thirdPartyNote}`;
}
