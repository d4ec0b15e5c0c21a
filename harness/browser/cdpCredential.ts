/**
 * A passkey as CDP's WebAuthn domain hands it out and takes it back (`getCredentials`,
 * `addCredential`), private key included. Ids and keys are standard base64, not base64url.
 */
export interface CdpCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  /** PKCS#8, base64. */
  privateKey: string;
  userHandle?: string;
  signCount: number;
  largeBlob?: string;
  backupEligibility?: boolean;
  backupState?: boolean;
  userName?: string;
  userDisplayName?: string;
}

/** The id as the RP sees it (base64url, the WebAuthn JSON form) from CDP's standard base64. */
export function rpCredentialId(credential: CdpCredential): string {
  return Buffer.from(credential.credentialId, 'base64').toString('base64url');
}
