import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

type CborValue = Parameters<typeof isoCBOR.encode>[0];

export type SoftAuthenticatorOptions = {
  origin: string;
  aaguid?: string;
  /** BE flag: the passkey may sync. */
  backupEligible?: boolean;
  /** BS flag: the passkey is backed up. */
  backedUp?: boolean;
  /** UV flag; true unless set false. */
  userVerified?: boolean;
  /** Signs for this RP ID instead of the one in the options, to forge a response for another site. */
  rpId?: string;
};

type StoredKey = { privateKey: KeyObject; userHandle: string; rpId: string; counter: number };

const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

/**
 * A minimal software passkey provider (ES256, "none" attestation) so API tests can register and
 * sign in without a browser. It signs whatever it is given, which lets tests forge bad responses.
 */
export class SoftAuthenticator {
  readonly keys = new Map<string, StoredKey>();

  constructor(private readonly options: SoftAuthenticatorOptions) {}

  register(creation: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const id = randomBytes(16).toString('base64url');
    this.keys.set(id, { privateKey, userHandle: creation.user.id, rpId: creation.rp.id ?? 'localhost', counter: 0 });
    const clientDataJSON = this.clientData('webauthn.create', creation.challenge);
    const authData = Buffer.concat([
      this.authDataHead(this.options.rpId ?? creation.rp.id ?? 'localhost', FLAG.AT, 0),
      Buffer.from((this.options.aaguid ?? '00000000-0000-0000-0000-000000000000').replaceAll('-', ''), 'hex'),
      u16(Buffer.from(id, 'base64url').length),
      Buffer.from(id, 'base64url'),
      coseKey(publicKey),
    ]);
    const attestationObject = isoCBOR.encode(new Map<string, CborValue>([['fmt', 'none'], ['attStmt', new Map()], ['authData', new Uint8Array(authData)]]));
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON, attestationObject: Buffer.from(attestationObject).toString('base64url'), transports: ['internal', 'hybrid'] },
    };
  }

  /** Answers with `credentialId`, or the first passkey it holds. */
  authenticate(request: PublicKeyCredentialRequestOptionsJSON, credentialId?: string): AuthenticationResponseJSON {
    const id = credentialId ?? this.keys.keys().next().value;
    const key = id === undefined ? undefined : this.keys.get(id);
    if (!id || !key) throw new Error('The soft authenticator holds no such passkey.');
    key.counter += 1;
    const clientDataJSON = this.clientData('webauthn.get', request.challenge);
    const authData = this.authDataHead(this.options.rpId ?? request.rpId ?? key.rpId, 0, key.counter);
    const signed = Buffer.concat([authData, createHash('sha256').update(Buffer.from(clientDataJSON, 'base64url')).digest()]);
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: authData.toString('base64url'),
        signature: sign('sha256', signed, key.privateKey).toString('base64url'),
        userHandle: key.userHandle,
      },
    };
  }

  private clientData(type: string, challenge: string): string {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.options.origin, crossOrigin: false })).toString('base64url');
  }

  private authDataHead(rpId: string, extraFlags: number, counter: number): Buffer {
    const flags = FLAG.UP | (this.options.userVerified === false ? 0 : FLAG.UV) | extraFlags | (this.options.backupEligible ? FLAG.BE : 0) | (this.options.backedUp ? FLAG.BS : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), count]);
  }
}

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

/** The P-256 public key as a COSE_Key map: kty EC2, alg ES256, crv P-256, x, y. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  const coordinate = (value: string | undefined) => new Uint8Array(Buffer.from(value ?? '', 'base64url'));
  const map = new Map<number, CborValue>([[1, 2], [3, -7], [-1, 1], [-2, coordinate(jwk.x)], [-3, coordinate(jwk.y)]]);
  return Buffer.from(isoCBOR.encode(map));
}
