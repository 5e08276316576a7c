// A fresh ES256 key per provider instance for signing ID tokens; nothing outlives the process.
// (EC keys take well under a millisecond to generate; RSA keys take hundreds.)
import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWKS } from 'oidc-provider';

const generateKeyPairAsync = promisify(generateKeyPair);

export const ID_TOKEN_SIGNING_ALG = 'ES256';

export async function generateSigningKeys(): Promise<JWKS> {
  const { privateKey } = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: randomUUID(), alg: ID_TOKEN_SIGNING_ALG, use: 'sig' }] };
}
