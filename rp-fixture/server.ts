import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ChallengeStore } from './challenges';
import { activeFaults, type FaultSwitch } from './faults';
import { relyingPartyOnPort } from './relyingParty';
import { sessionCookieName } from './session';
import { Store } from './store';

export type { FaultSwitch } from './faults';

export type FixtureRpOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultSwitch[];
  /** Log one line per request to stderr. */
  log?: boolean;
};

export type RunningFixtureRp = { url: string; stop(): Promise<void> };

/**
 * Starts the fixture RP on 127.0.0.1. Its URL says localhost, the RP ID: Chromium treats
 * http://localhost as a secure context, so WebAuthn works without TLS.
 */
export async function startFixtureRp(options: FixtureRpOptions = {}): Promise<RunningFixtureRp> {
  const faults = activeFaults(options.faults ?? []);
  const server = http.createServer();
  const port = await listen(server, options.port ?? 0);
  const rp = relyingPartyOnPort(port);
  const context = { rp, store: new Store(), challenges: new ChallengeStore(), faults, sessionCookieName: sessionCookieName(port) };
  // The app is built once the port is known: the expected origin and cookie name depend on it.
  server.on('request', createApp(context, { port, log: options.log ? (line) => console.error(line) : undefined }));
  return { url: rp.origin, stop: onceOnly(() => close(server)) };
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
