import type { Rp } from '../rp/boundRp';

/** The ids of the passkeys the management page lists, sorted; null where the RP has no management page to read. */
export async function passkeyIdsListed(rp: Rp): Promise<string[] | null> {
  if (rp.lacking('management-page') !== null) return null;
  return (await rp.listPasskeys()).map((p) => p.credentialId).sort();
}
