/**
 * The fixture RP's clock when test hooks are on: the system clock plus an offset that only grows, so
 * a test can let days pass (the passkey offer's interval) or wait for the next authenticator code
 * without sleeping.
 */
export class MovableClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward.');
    this.offsetMs += ms;
  }
}
