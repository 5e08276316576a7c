// Several reference-server instances on one throwaway PostgreSQL behind HAProxy (round robin,
// health-checked on /readyz), sharing one demo OAuth provider: what the scale test and the load
// benchmark run against. Everything listens on free loopback ports and is removed by stop().
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderEndpoints, ReferenceStackOptions } from '@plugboard/server';
import { startDemoProvider } from '../../packages/server/src/demo-provider/index.js';
import { startThrowawayPostgres } from '../../packages/server/src/test-support/throwaway-postgres.js';
import { freePort } from '../../scripts/wtr-free-port.mjs';

const HAPROXY = '/usr/sbin/haproxy';
const CLUSTER_SECRET_KEY = 'sk_test_scale_cluster_key';
const CLIENT_ID = 'plugboard-scale-cluster';
const INSTANCE_SCRIPT = fileURLToPath(new URL('./instance.ts', import.meta.url));

export interface ClusterInstance {
  /** Direct URL of this instance, bypassing the balancer. */
  url: string;
  process: ChildProcess;
  /** SIGKILL: the instance dies mid-request, as on a crash. */
  kill(): void;
}

export interface Cluster {
  /** The balancer's URL: what clients use. */
  url: string;
  providerUrl: string;
  secretKey: string;
  instances: ClusterInstance[];
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances: number;
  /** PostgreSQL (the default) or, for one instance, SQLite in a temporary folder. */
  database?: 'postgresql' | 'sqlite';
  /** A provider already running; by default the demo OAuth provider is started for all instances. */
  provider?: ProviderEndpoints & { issuer: string };
  /** Limits and other stack options every instance gets. */
  stackOptions?: ReferenceStackOptions;
  /** Without a balancer `url` is the first instance's (single-instance load figures). */
  balancer?: boolean;
}

/** Starts an instance on `options.port` (its public URL is the balancer's). */
function startInstance(options: ReferenceStackOptions): Promise<ClusterInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE_SCRIPT], {
    env: { ...process.env, PB_SCALE_INSTANCE: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`an instance did not start in 60 s:\n${output}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!/^ready$/m.test(output)) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${options.port}`,
        process: child,
        kill: () => child.kill('SIGKILL'),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`an instance exited with ${code} before it served:\n${output}`));
    });
  });
}

function haproxyConfig(port: number, instances: readonly ClusterInstance[]): string {
  const servers = instances.map(
    (instance, index) => `  server s${index + 1} ${new URL(instance.url).host} check`,
  );
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A request whose connection was refused (a dead instance) goes to another one.
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend api',
    `  bind 127.0.0.1:${port}`,
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk',
    '  http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host localhost',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 2',
    ...servers,
    '',
  ].join('\n');
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const balanced = options.balancer ?? true;
  if (balanced && !existsSync(HAPROXY)) {
    throw new Error(
      `HAProxy is needed (${HAPROXY}): apt-get install -y haproxy (node scripts/bootstrap.mjs system-packages).`,
    );
  }
  const cleanups: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let database: Pick<ReferenceStackOptions, 'databaseUrl' | 'dbPath'>;
    if (options.database === 'sqlite') {
      if (options.instances !== 1) throw new Error('SQLite serves one instance only.');
      const dir = mkdtempSync(join(tmpdir(), 'pb-sqlite-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      database = { dbPath: join(dir, 'plugboard.sqlite') };
    } else {
      const postgres = await startThrowawayPostgres();
      cleanups.push(() => postgres.stop());
      database = { databaseUrl: postgres.url };
    }
    const balancerPort = await freePort();
    const instancePorts = await Promise.all(
      Array.from({ length: options.instances }, () => freePort()),
    );
    const publicUrl = balanced
      ? `http://127.0.0.1:${balancerPort}`
      : `http://127.0.0.1:${instancePorts[0]}`;
    let provider = options.provider;
    if (!provider) {
      const clientSecret = randomBytes(24).toString('base64url');
      const demo = await startDemoProvider({
        port: 0,
        clients: [
          { clientId: CLIENT_ID, clientSecret, redirectUris: [`${publicUrl}/v1/oauth/callback`] },
        ],
      });
      cleanups.push(() => demo.close());
      provider = {
        issuer: demo.issuer,
        authorizationEndpoint: demo.authorizationEndpoint,
        tokenEndpoint: demo.tokenEndpoint,
        apiBaseUrl: demo.apiBaseUrl,
        clientId: CLIENT_ID,
        clientSecret,
      };
    }
    const shared: ReferenceStackOptions = {
      ...options.stackOptions,
      ...database,
      secretKey: CLUSTER_SECRET_KEY,
      encryptionKeys: randomBytes(32).toString('base64'),
      publicUrl,
      provider,
    };
    const instances = await Promise.all(
      instancePorts.map((port) => startInstance({ ...shared, port })),
    );
    cleanups.push(() => {
      for (const instance of instances) instance.process.kill('SIGKILL');
    });
    if (balanced) {
      const dir = mkdtempSync(join(tmpdir(), 'pb-haproxy-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const config = join(dir, 'haproxy.cfg');
      writeFileSync(config, haproxyConfig(balancerPort, instances));
      const haproxy = spawn(HAPROXY, ['-f', config, '-db'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let haproxyErrors = '';
      haproxy.stderr?.on('data', (chunk: Buffer) => (haproxyErrors += chunk.toString()));
      cleanups.push(() => {
        haproxy.kill('SIGKILL');
      });
      await waitUntilServing(publicUrl, 15_000).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}; HAProxy said: ${haproxyErrors}`, {
          cause: error,
        });
      });
    }
    return {
      url: publicUrl,
      providerUrl: provider.issuer,
      secretKey: CLUSTER_SECRET_KEY,
      instances,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
