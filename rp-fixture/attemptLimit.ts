/**
 * At most `max` events per key within a sliding window: failed password sign-ins per username
 * (known or not, so the limit says nothing about which accounts exist), sign-in mails per address.
 */
export class AttemptLimit {
  private readonly byKey = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  reached(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  record(key: string): void {
    this.byKey.set(key, [...this.recent(key), this.now().getTime()]);
  }

  /** Only reads: `record` keeps each key's times to those inside the window, so they stay few. */
  private recent(key: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    // Stryker disable next-line ArrayDeclaration: equivalent: the stand-in Stryker puts for a key with no attempts yet is text, never a time after `since`, so it is filtered out and none is counted
    return (this.byKey.get(key) ?? []).filter((time) => time > since);
  }
}

/** How attempts are counted per account name or address: case and spacing do not make a new key. */
export function attemptKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}
