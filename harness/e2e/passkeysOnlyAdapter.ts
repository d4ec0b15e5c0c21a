import type { RpAdapter } from '../rp/adapter';
import { fixtureAdapter } from '../rp/fixtureAdapter';

/**
 * The fixture RP driven as if it were a small site with only the core passkey pages: it declares
 * every other feature lacking, so the scenarios that need them must be reported not applicable.
 */
const adapter: RpAdapter = {
  name: 'Passkeys-only site',
  lacks: {
    'several-passkeys': 'an account has one passkey',
    'management-page': 'passkeys are not listed anywhere',
    'sign-in-help': 'a failed sign-in only says so',
    'other-ways-in': 'accounts have passkeys only',
    'passkey-offer': 'every account starts with a passkey',
    'cross-device-sign-in': 'no QR code is offered',
    'email-link': 'no email address is kept',
    'second-factor': 'accounts have no password',
    clock: 'no test hooks',
    'passkey-rename': 'passkeys are not listed anywhere',
    'account-name': 'the account has no name but its username',
  },
  register: fixtureAdapter.register,
  signOut: fixtureAdapter.signOut,
  signIn: fixtureAdapter.signIn,
  signedInAs: fixtureAdapter.signedInAs,
};

export default adapter;
