import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ChallengeStore } from '../challenges';
import { rpConfig, type RpConfigInput } from '../config';
import { EmailLinks } from '../emailLinks';
import { activeFaults, faultOn, type FaultSwitch } from '../faults';
import { policyFrom, type Policy } from '../policy';
import { createMailer } from '../mailer';
import { startMailbox, type Mailbox } from '../mailbox';
import type { Outage } from '../outages';
import { relyingPartyOnPort } from '../relyingParty';
import { sessionCookieName } from '../session';
import { Store } from '../store';
import { MovableClock } from '../movableClock';
import { waysInList, WaysInStore } from '../waysInStore';

export type { FaultSwitch } from '../faults';

export type FixtureRpOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultSwitch[];
  /** Security settings; user verification defaults to 'preferred'. */
  policy?: Partial<Policy>;
  /** Log one line per request to stderr. */
  log?: boolean;
  /** Accounts, promotion, mail server and clock (`config.ts`); every field has a default. */
  config?: RpConfigInput;
  /**
   * Where mail goes when `config.smtp` is not set. With test hooks on and neither given, the RP
   * starts its own, read through `/test-hooks/mail`.
   */
  mailbox?: Mailbox;
  /** Breakdowns to prove the harness survives an RP that fails, hangs or dies (`outages.ts`); `die` ends the process. */
  outages?: { list: Outage[]; die: () => void };
};

export type RunningFixtureRp = { url: string; stop(): Promise<void> };

/**
 * Starts the fixture RP on 127.0.0.1. Its URL says localhost, the RP ID: Chromium treats
 * http://localhost as a secure context, so WebAuthn works without TLS.
 */
export async function startFixtureRp(options: FixtureRpOptions = {}): Promise<RunningFixtureRp> {
  const faults = activeFaults(options.faults ?? []);
  const given = rpConfig(options.config);
  // With test hooks on, the clock is theirs to move (a `now` given too is not used).
  const clock = given.testHooks ? new MovableClock() : undefined;
  const ownMailbox = given.testHooks && !given.smtp && !options.mailbox ? await startMailbox() : undefined;
  const mailbox = given.smtp ? undefined : (options.mailbox ?? ownMailbox);
  const config = { ...given, ...(clock ? { now: clock.now } : {}), ...(mailbox ? { smtp: { host: mailbox.host, port: mailbox.port } } : {}) };
  const waysInStore = new WaysInStore();
  const mailer = createMailer(config, options.log ? (line) => console.error(line) : () => undefined);
  const policy = policyFrom(options.policy);
  const server = http.createServer();
  const port = await listen(server, options.port ?? 0).catch(async (error: unknown) => {
    await ownMailbox?.stop();
    throw error;
  });
  const rp = relyingPartyOnPort(port);
  const context = {
    rp,
    store: new Store(),
    // The RP's one clock (the test hooks' when on), so a challenge's lifetime passes with the rest.
    challenges: new ChallengeStore(() => config.now().getTime(), { replayable: faultOn(faults, 'replayable-challenge'), latestOnly: faultOn(faults, 'one-challenge-at-a-time'), neverExpires: faultOn(faults, 'challenge-never-expires') }),
    faults,
    policy,
    sessionCookieName: sessionCookieName(port),
    waysIn: waysInList(waysInStore),
    config,
    waysInStore,
    emailLinks: new EmailLinks(config.now, faults),
    mailer,
  };
  // The app is built once the port is known: the expected origin and cookie name depend on it.
  server.on('request', createApp(context, { port, clock, mailbox, outages: options.outages, log: options.log ? (line) => console.error(line) : undefined }));
  return {
    url: rp.origin,
    stop: onceOnly(() => {
      mailer.close();
      return Promise.all([close(server), ownMailbox?.stop()]).then(() => undefined);
    }),
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes the listener and every open connection, keep-alive ones included, so it never hangs. */
function close(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function onceOnly(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
