#!/usr/bin/env node
// `plugboard-server start`: the reference server and the demo provider, configured by PB_* env vars.
// `plugboard-server mint-session --user u1 --origin http://localhost:5173`: a session token for local use.
// `plugboard-server providers check <app> …`: one provider definition against the real service.
// `plugboard-server reencrypt`: moves stored secrets to the newest key of PB_ENCRYPTION_KEYS.
import { parseArgs } from 'node:util';
import { DEV_SECRET_KEY } from './config/defaults.js';
import { reencryptFromEnvironment } from './crypto/reencrypt-command.js';
import { PortInUseError } from './http/listen.js';
import { mintSession } from './mint-session.js';
import { providerCheckCommand } from './providers/provider-check-command.js';
import { startReferenceStack } from './reference-stack.js';

const USAGE = `Usage:
  plugboard-server start
  plugboard-server mint-session --user <id> --origin <origin> [--origin …] [--app <key> …] [--ttl <seconds>] [--url <server url>]
  plugboard-server providers check <app> [--method <type>] [--field <name>=<value> …] [--client-id <id>] [--client-secret <secret>]
      [--setting <name>=<value> …] [--scope <scope> …] [--access-token <token>] [--refresh-token <token>]
      [--redirect-uri <url>] [--revoke]
  plugboard-server reencrypt`;

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number.`);
  return port;
}

async function start(): Promise<void> {
  const stack = await startReferenceStack({
    port: portFrom('PB_SERVER_PORT', 8787),
    providerPort: portFrom('PB_PROVIDER_PORT', 8788),
    host: process.env.PB_HOST || undefined,
    // PB_DATA_DIR, PB_SECRET_KEY, PB_ENCRYPTION_KEY, PB_PUBLIC_URL and PB_DEV are read by the stack itself.
  });
  const stop = () => {
    void stack.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function mint(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      origin: { type: 'string', multiple: true },
      app: { type: 'string', multiple: true },
      ttl: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (!values.user || !values.origin?.length) throw new Error(USAGE);
  const host = process.env.PB_HOST || '127.0.0.1';
  const url =
    values.url ?? process.env.PB_PUBLIC_URL ?? `http://${host}:${portFrom('PB_SERVER_PORT', 8787)}`;
  const session = await mintSession(
    { url, secretKey: process.env.PB_SECRET_KEY || DEV_SECRET_KEY },
    {
      userId: values.user,
      allowedOrigins: values.origin,
      ...(values.app ? { allowedApps: values.app } : {}),
      ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}),
    },
  );
  // The token alone on stdout, so scripts can capture it; the expiry is for the human.
  process.stdout.write(`${session.token}\n`);
  process.stderr.write(`expires at ${session.expiresAt}\n`);
}

async function main(argv: string[]): Promise<void> {
  // `pnpm <script> -- --flag` may pass the separator through.
  const [command, ...rest] = argv.filter((arg, index) => !(index <= 1 && arg === '--'));
  if (command === 'start') return start();
  if (command === 'mint-session') return mint(rest);
  if (command === 'providers' && rest[0] === 'check') {
    // Exit at once: idle keep-alive sockets to the service would hold the process a few seconds.
    process.exit((await providerCheckCommand(rest.slice(1), process.env, USAGE)) ? 0 : 1);
  }
  if (command === 'reencrypt') {
    const counts = await reencryptFromEnvironment();
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof PortInUseError) {
    process.stderr.write(
      `plugboard-server: port ${error.port} on ${error.host} is already in use. Stop the other process or set PB_SERVER_PORT / PB_PROVIDER_PORT.\n`,
    );
  } else if (error instanceof TypeError && error.message === 'fetch failed') {
    process.stderr.write(
      'plugboard-server: the server is not reachable. Start it with `pnpm start` first.\n',
    );
  } else {
    process.stderr.write(
      `plugboard-server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
