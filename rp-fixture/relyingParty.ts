/** Who the fixture is to WebAuthn. */
export type RelyingParty = {
  name: string;
  /** RP ID: `localhost`, which Chromium treats as a secure context over plain http. */
  id: string;
  /** The only origin responses are accepted from. */
  origin: string;
};

export function relyingPartyOnPort(port: number): RelyingParty {
  return { name: 'Passkey Matrix Fixture', id: 'localhost', origin: `http://localhost:${port}` };
}
