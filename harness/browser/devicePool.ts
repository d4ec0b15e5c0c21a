import type { Browser } from '@playwright/test';
import type { CapabilityProfile, Environment } from '../matrix/schema';
import { openDevice, type Device } from './device';
import type { RpClock } from './rpClock';

/**
 * Devices a worker keeps for worlds with more than one device: a new context and page cost more
 * than a reset, so an idle device of the right environment is reset and lent again.
 */
export class DevicePool {
  private readonly idle = new Map<string, Device[]>();
  private readonly all: Device[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly capabilities: Record<string, CapabilityProfile>,
    private readonly origin: string,
    private readonly clock?: RpClock,
  ) {}

  async acquire(environment: Environment): Promise<Device> {
    const reused = this.idle.get(environment.id)?.pop();
    if (reused) {
      await reused.reset(this.origin);
      return reused;
    }
    const device = await openDevice(this.browser, environment, this.capabilities[environment.id]!, this.origin, this.clock);
    this.all.push(device);
    return device;
  }

  release(device: Device): void {
    const list = this.idle.get(device.environment.id) ?? [];
    list.push(device);
    this.idle.set(device.environment.id, list);
  }

  async close(): Promise<void> {
    for (const device of this.all) await device.close();
    this.all.length = 0;
    this.idle.clear();
  }
}
