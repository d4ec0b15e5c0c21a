// The demo RP's adapter with a mistake a team could make: signOut returns without signing out.
import type { RpAdapter } from '../../rp/adapter';
import demo from '../passkeyOnlyRp/adapter';

const adapter: RpAdapter = {
  ...demo,
  name: 'Passkey demo, signOut that does nothing',
  async signOut() {},
};

export default adapter;
