// A server that other machines can reach must run on its own secrets: with the published
// development key anyone on the network could mint sessions for any user and call the admin
// endpoint. Loopback, or an explicit PB_DEV=1, keeps the zero-configuration development start.
import { isIP } from 'node:net';
import { DEV_SECRET_KEY } from './defaults.js';

/** True when only this machine can connect to `host`. */
function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Throws a one-line error when a non-loopback server would start on development secrets. */
export function assertStartupSecrets(input: {
  host: string;
  secretKey: string | undefined;
  /** PB_ENCRYPTION_KEYS (or PB_ENCRYPTION_KEY), unparsed. */
  encryptionKeys: string | undefined;
  dev: boolean;
}): void {
  if (input.dev || isLoopbackHost(input.host)) return;
  const missing = [
    input.secretKey ? null : 'PB_SECRET_KEY',
    input.encryptionKeys ? null : 'PB_ENCRYPTION_KEYS',
  ].filter((name) => name !== null);
  if (missing.length > 0) {
    throw new Error(
      `Refusing to listen on ${input.host} without ${missing.join(' and ')}: set ${missing.length > 1 ? 'both' : 'it'}, listen on loopback only (PB_HOST=127.0.0.1), or set PB_DEV=1 for development.`,
    );
  }
  if (input.secretKey === DEV_SECRET_KEY) {
    throw new Error(
      `Refusing to listen on ${input.host} with the published development key as PB_SECRET_KEY: generate your own, or set PB_DEV=1 for development.`,
    );
  }
}
