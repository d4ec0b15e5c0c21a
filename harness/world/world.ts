import type { Cell } from '../matrix/cell';
import type { MatrixData } from '../matrix/load';
import type { Environment, Provider, SupportSnapshot, SyncFlag } from '../matrix/schema';
import { DataError } from '../matrix/dataError';
import type { Device } from '../browser/device';
import type { DevicePool } from '../browser/devicePool';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../browser/virtualAuthenticator';
import type { AfterSignIn, RpAdapter, WayIn } from '../rp/adapter';
import { bindRp, type OnLackingFeature, type Rp } from '../rp/boundRp';
import { CELL, resolveSlot, WorldSpec, type ProviderSlot, type ResolvedSlot } from './worldSpec';
import { defaultSyncFlag, isUsable, syncsHere } from '../matrix/support';
import { Vaults, type StoredCredential } from './vaults';
import { canUse, type RegisteredPasskey, type WorldFacts } from '../oracle/signInExpectation';

/** One of the user's devices in the world, with the provider the user is using on it now. */
export interface WorldDevice {
  name: string;
  environment: Environment;
  slots: ResolvedSlot[];
  device: Device;
  /** Lent by the pool for this world (given back when it closes), or the cell's own device. */
  owned: boolean;
  active?: { slot: ResolvedSlot; authenticator: VirtualAuthenticator };
}

/** Where a passkey of the world lives, for the oracle and for reports. */
export interface WorldPasskey {
  credentialId: string;
  provider: string;
  account: string;
  /** The device it is bound to, or null when it lives in the provider account (synced). */
  device: string | null;
}

export interface WorldDeps {
  /** Lends the world's other devices, reset, and takes them back when it closes. */
  pool: DevicePool;
  /** The cell's device, reused for the world's first device in the cell's environment. */
  cellDevice: Device;
  cell: Cell;
  data: MatrixData;
  snapshot: SupportSnapshot;
  adapter: RpAdapter;
  rpUrl: string;
  /** What to do when a step needs a feature the RP lacks (in a cell: the scenario is not applicable). */
  onLacking?: OnLackingFeature;
}

/**
 * A simulated user: their devices, the providers on each and the accounts they are signed in to.
 * A passkey made on one device shows up on another only where the support snapshot says its
 * provider syncs there and the passkey is backed up (BE=1, BS=1), by copying the credential between
 * virtual authenticators, as the provider's sync would.
 */
export class World {
  readonly vaults = new Vaults();
  private readonly homes = new Map<string, string>();
  /** The passkeys the user made, as the user would tell it: the oracle's input. */
  private readonly registrations: RegisteredPasskey[] = [];
  private readonly waysIn = new Set<WayIn>();
  private readonly passkeyOffer: WorldFacts['passkeyOffer'] = { lastShownAt: null, lastDeclinedAt: null };
  private elapsedSeconds = 0;

  private constructor(
    private readonly deps: WorldDeps,
    readonly devices: Map<string, WorldDevice>,
  ) {}

  static async create(spec: WorldSpec, deps: WorldDeps): Promise<World> {
    const parsed = WorldSpec.safeParse(spec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DataError(`World spec: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    const devices = new Map<string, WorldDevice>();
    let cellDeviceUsed = false;
    for (const [name, deviceSpec] of Object.entries(parsed.data)) {
      const environment = lookupEnvironment(deps, deviceSpec.environment, name);
      // "cell" is the cell's provider wherever it can be installed: not Windows Hello on a phone.
      const slots = deviceSpec.providers
        .filter((slot) => !isCellSlot(slot) || isUsable(deps.snapshot, environment, deps.cell.provider.id))
        .map((slot) => resolveSlot(slot, deps.cell.provider.id));
      if (slots.length === 0) {
        throw new DataError(`World spec: ${name}.providers: none is usable in ${environment.label}; add one that is.`);
      }
      for (const slot of slots) checkProvider(deps, environment, slot, name);
      const reuse: boolean = !cellDeviceUsed && environment.id === deps.cell.environment.id;
      cellDeviceUsed ||= reuse;
      const device = reuse ? deps.cellDevice : await deps.pool.acquire(environment);
      devices.set(name, { name, environment, slots, device, owned: !reuse });
    }
    return new World(deps, devices);
  }

  device(name: string): WorldDevice {
    const found = this.devices.get(name);
    if (!found) throw new DataError(`No device "${name}" in this world; it has ${[...this.devices.keys()].join(', ')}.`);
    return found;
  }

  /**
   * The RP as seen from one device. Each step first makes the chosen provider (default: the
   * device's first) the one answering, then files every passkey where it now lives.
   */
  on(name: string, provider?: string): Rp {
    const rp = bindRp(this.deps.adapter, this.device(name).device.page, this.deps.rpUrl, this.deps.onLacking);
    const step =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        await this.use(name, provider);
        try {
          return await fn(...args);
        } finally {
          await this.collect(name);
        }
      };
    const recorded =
      <A extends unknown[], R>(create: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const view = await create(...args);
        this.recordPasskey(name);
        return view;
      };
    const offered = (after: AfterSignIn) => {
      if (after.passkeyOffered) this.passkeyOffer.lastShownAt = this.elapsedSeconds;
    };
    const signUpWithoutPasskey = async (username: string) => {
      const after = await rp.signUpWithoutPasskey(username);
      this.waysIn.add(after.way);
      offered(after);
      return after;
    };
    const signInWithoutPasskey = async (username: string) => {
      const after = await rp.signInWithoutPasskey(username);
      offered(after);
      return after;
    };
    const addEmailWayIn = async (username: string) => {
      await rp.addEmailWayIn(username);
      this.waysIn.add('email-link');
    };
    const openEmailLink = async (link: string) => {
      const after = await rp.openEmailLink(link);
      offered(after);
      return after;
    };
    const declinePasskeyOffer = async () => {
      await rp.declinePasskeyOffer();
      this.passkeyOffer.lastDeclinedAt = this.elapsedSeconds;
    };
    const letTimePass = rp.letTimePass;
    return {
      ...rp,
      register: step(recorded(rp.register)),
      arrangePasskeyAccount: step(recorded(rp.arrangePasskeyAccount)),
      addPasskey: step(recorded(rp.addPasskey)),
      signUpWithoutPasskey: step(signUpWithoutPasskey),
      signInWithoutPasskey: step(signInWithoutPasskey),
      signInWithWrongCode: step(rp.signInWithWrongCode),
      signInWithPastCode: step(rp.signInWithPastCode),
      signInWithWrongPassword: step(rp.signInWithWrongPassword),
      addEmailWayIn: step(addEmailWayIn),
      requestEmailLink: step(rp.requestEmailLink),
      openEmailLink: step(openEmailLink),
      declinePasskeyOffer: step(declinePasskeyOffer),
      ...(letTimePass
        ? {
            letTimePass: async (seconds: number) => {
              await letTimePass(seconds);
              this.elapsedSeconds += seconds;
            },
          }
        : {}),
      signIn: step(rp.signIn),
      signOut: step(rp.signOut),
      signedInAs: step(rp.signedInAs),
      listPasskeys: step(rp.listPasskeys),
      suggestsAnotherProvider: step(rp.suggestsAnotherProvider),
    };
  }

  /** The user just made a passkey on the device with its active provider. */
  private recordPasskey(name: string): void {
    const { environment, active } = this.device(name);
    this.registrations.push({
      device: name,
      environment,
      provider: active!.slot.provider,
      account: active!.slot.account,
      sync: active!.authenticator.sync,
      lost: false,
    });
  }

  /** Makes `provider` (default: the device's first) answer WebAuthn on the device, holding every passkey visible there. */
  async use(name: string, provider?: string): Promise<void> {
    const device = this.device(name);
    const slot = provider ? device.slots.find((s) => s.provider === provider) : device.slots[0];
    if (!slot) throw new DataError(`Device "${name}" has no provider "${provider}"; it has ${device.slots.map((s) => s.provider).join(', ')}.`);
    if (device.active && sameSlot(device.active.slot, slot)) return;
    await this.deactivate(device);
    const authenticator = await addVirtualAuthenticator(device.device.cdp, this.provider(slot.provider), this.syncFlag(device, slot));
    for (const credential of this.visible(device, slot)) await authenticator.addCredential(credential);
    device.active = { slot, authenticator };
  }

  /** Files every passkey the device's active provider holds: in the provider account when it syncs, else on the device. */
  async collect(name: string): Promise<void> {
    const device = this.device(name);
    if (!device.active) return;
    const { slot, authenticator } = device.active;
    const syncs = syncsHere(this.deps.snapshot, device.environment, slot.provider);
    for (const credential of await authenticator.credentials()) {
      const known = this.homes.get(credential.credentialId);
      const backedUp = credential.backupEligibility === true && credential.backupState === true;
      const home = known ?? (syncs && backedUp ? Vaults.accountKey(slot.provider, slot.account) : Vaults.deviceKey(slot.provider, slot.account, name));
      this.homes.set(credential.credentialId, home);
      this.vaults.put(home, credential);
    }
  }

  /**
   * Cross-device sign-in: the phone's provider answers on `onto` over the hybrid transport, as when
   * the user scans the QR code. Runs `step` while the phone is connected, then puts things back.
   */
  async crossDevice<R>(phone: string, onto: string, step: (rp: Rp) => Promise<R>): Promise<R> {
    const phoneDevice = this.device(phone);
    const target = this.device(onto);
    await this.use(phone);
    await this.collect(phone);
    const slot = phoneDevice.active!.slot;
    await this.deactivate(target);
    const hybrid = await addVirtualAuthenticator(target.device.cdp, this.provider(slot.provider), this.syncFlag(phoneDevice, slot), {
      transport: 'hybrid',
    });
    const lent = this.visible(phoneDevice, slot);
    for (const credential of lent) await hybrid.addCredential(credential);
    try {
      return await step(bindRp(this.deps.adapter, target.device.page, this.deps.rpUrl, this.deps.onLacking));
    } finally {
      // Counters moved on the phone, not on the device that showed the QR code.
      const lentIds = new Set(lent.map((c) => c.credentialId));
      for (const credential of await hybrid.credentials()) {
        const home = this.homes.get(credential.credentialId);
        if (home && lentIds.has(credential.credentialId)) this.vaults.put(home, credential);
      }
      await hybrid.remove();
      // The phone's authenticator must reload the counters the sign-in moved.
      await this.deactivate(phoneDevice, { collect: false });
    }
  }

  /** The person will close the next passkey prompt on the device instead of answering it. */
  dismissNextPrompt(name: string): void {
    this.device(name).device.dismissNextPrompt();
  }

  /** Whether the person passes user verification (fingerprint, face, PIN) with the device's provider from now on. */
  async setUserVerified(name: string, verified: boolean, provider?: string): Promise<void> {
    await this.use(name, provider);
    await this.device(name).active!.authenticator.setUserVerified(verified);
  }

  /** The user loses every passkey of the provider on the device (deleted, device wiped, account gone). */
  async lose(name: string, provider: string): Promise<void> {
    const device = this.device(name);
    await this.collect(name);
    const slot = device.slots.find((s) => s.provider === provider);
    if (!slot) throw new DataError(`Device "${name}" has no provider "${provider}".`);
    for (const credential of this.visible(device, slot)) {
      this.vaults.remove(credential.credentialId);
      this.homes.delete(credential.credentialId);
    }
    for (const passkey of this.registrations) {
      if (canUse(this.deps.snapshot, passkey, device, slot)) passkey.lost = true;
    }
    if (device.active && sameSlot(device.active.slot, slot)) await this.deactivate(device, { collect: false });
  }

  /** What the oracle is told: the devices, their providers and the passkeys the user made. */
  facts(): WorldFacts {
    return {
      devices: [...this.devices.values()].map(({ name, environment, slots }) => ({ name, environment, slots })),
      passkeys: this.registrations.map((p) => ({ ...p })),
      waysIn: [...this.waysIn],
      passkeyOffer: { ...this.passkeyOffer },
      elapsedSeconds: this.elapsedSeconds,
    };
  }

  /** Every passkey of the world and where it lives. */
  passkeys(): WorldPasskey[] {
    return this.vaults.all().map((credential) => {
      const [provider, account, device] = (this.homes.get(credential.credentialId) ?? '||').split('|');
      return { credentialId: credential.credentialId, provider: provider!, account: account!, device: device ?? null };
    });
  }

  async close(): Promise<void> {
    for (const device of this.devices.values()) {
      if (device.active) await device.active.authenticator.remove();
      device.active = undefined;
      if (device.owned) this.deps.pool.release(device.device);
    }
  }

  private async deactivate(device: WorldDevice, options = { collect: true }): Promise<void> {
    if (!device.active) return;
    if (options.collect) await this.collect(device.name);
    await device.active.authenticator.remove();
    device.active = undefined;
  }

  /** The passkeys the provider shows on the device: its own, plus the account's where the provider syncs here. */
  private visible(device: WorldDevice, slot: ResolvedSlot): StoredCredential[] {
    const own = this.vaults.get(Vaults.deviceKey(slot.provider, slot.account, device.name));
    const synced = syncsHere(this.deps.snapshot, device.environment, slot.provider)
      ? this.vaults.get(Vaults.accountKey(slot.provider, slot.account))
      : [];
    return [...own, ...synced];
  }

  private syncFlag(device: WorldDevice, slot: ResolvedSlot): SyncFlag {
    const { cell, snapshot } = this.deps;
    if (device.environment.id === cell.environment.id && slot.provider === cell.provider.id) return cell.sync;
    return defaultSyncFlag(snapshot, device.environment, this.provider(slot.provider));
  }

  private provider(id: string): Provider {
    return this.deps.data.providers.find((p) => p.id === id)!;
  }
}

function isCellSlot(slot: ProviderSlot): boolean {
  return (typeof slot === 'string' ? slot : slot.provider) === CELL;
}

function sameSlot(a: ResolvedSlot, b: ResolvedSlot): boolean {
  return a.provider === b.provider && a.account === b.account;
}

function lookupEnvironment(deps: WorldDeps, id: string, device: string): Environment {
  if (id === CELL) return deps.cell.environment;
  const found = deps.data.environments.find((e) => e.id === id);
  if (!found) {
    throw new DataError(
      `World spec: ${device}.environment: unknown environment "${id}"; use "cell" or one of ${deps.data.environments.map((e) => e.id).join(', ')}.`,
    );
  }
  return found;
}

/** A world that cannot exist is the scenario's mistake: say so, naming the device and the fix. */
function checkProvider(deps: WorldDeps, environment: Environment, slot: ResolvedSlot, device: string): void {
  const provider = deps.data.providers.find((p) => p.id === slot.provider);
  if (!provider) {
    throw new DataError(
      `World spec: ${device}.providers: unknown provider "${slot.provider}"; use "cell" or one of ${deps.data.providers.map((p) => p.id).join(', ')}.`,
    );
  }
  if (!isUsable(deps.snapshot, environment, slot.provider)) {
    throw new DataError(
      `World spec: ${device}.providers: ${provider.name} is not usable in ${environment.label} (support snapshot ${deps.snapshot.id}); pick another provider or environment for "${device}".`,
    );
  }
}
