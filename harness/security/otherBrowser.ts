/**
 * Another browser of the same kind (same environment, fresh: no cookies, no site storage), given only
 * some cookies: what someone who holds those cookies, and nothing else, is signed in as.
 */
import type { Cookie } from '@playwright/test';
import type { Device } from '../browser/device';
import type { DevicePool } from '../browser/devicePool';
import type { Environment } from '../matrix/schema';
import type { Rp } from '../rp/boundRp';

export class OtherBrowser {
  private constructor(
    private readonly pool: DevicePool,
    private readonly device: Device,
  ) {}

  static async open(pool: DevicePool, environment: Environment): Promise<OtherBrowser> {
    return new OtherBrowser(pool, await pool.acquire(environment));
  }

  /** Who the RP says is signed in, in this browser holding exactly `cookies`. */
  async signedInAs(rp: Rp, cookies: Cookie[]): Promise<string | null> {
    await this.device.context.clearCookies();
    if (cookies.length) await this.device.context.addCookies(cookies);
    // A fresh load with these cookies: an adapter may otherwise read a page it had already open.
    await this.device.page.goto('about:blank');
    return rp.adapter.signedInAs(this.device.page, rp.url);
  }

  /** Back to the pool, which resets it before lending it again. */
  close(): void {
    this.pool.release(this.device);
  }
}
