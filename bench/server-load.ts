// `pnpm bench:server`: load figures of the reference server with autocannon, in one run on this
// machine: SQLite with one instance, PostgreSQL with one, and PostgreSQL with three behind HAProxy.
// Each setup gets the same four requests (mint a session, list the catalog, create a connection
// against a local provider double, read a flow's status); then Kysely is compared with
// hand-written SQL on the two queries the connection routes run most. Prints the report, writes
// bench/results/server-load.json and the server part of docs/benchmarks.md.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { startCluster, type Cluster, type ClusterOptions } from '../test/scale/cluster.js';
import { measureDataLayer, type DataLayerRow } from '../packages/server/bench/data-layer.js';
import { DOCS_FILE, SERVER_RESULTS_FILE } from './paths.js';

const START = '<!-- bench:server:start -->';
const END = '<!-- bench:server:end -->';
const DURATION_SECONDS = 6;
const CONNECTIONS = 16;
const ORIGIN = 'http://localhost:5173';
const NO_LIMITS = 1_000_000_000;

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}
interface SetupResult {
  setup: string;
  scenarios: Record<string, Figures>;
}

/** "Who am I" answering a new account each time, at once: the create measures our server. */
async function startProviderDouble(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/api/me') {
      const id = randomUUID();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id, email: `${id}@example.com`, name: 'Load Test' }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function run(options: autocannon.Options): Promise<Figures> {
  // One second of warm-up (JIT, pools, caches), not counted.
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: DURATION_SECONDS });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function measureSetup(setup: string, cluster: Cluster): Promise<SetupResult> {
  const json = { 'Content-Type': 'application/json' };
  const sessionBody = JSON.stringify({ userId: 'load-user', allowedOrigins: [ORIGIN] });
  const minted = await fetch(`${cluster.url}/v1/sessions`, {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${cluster.secretKey}` },
    body: sessionBody,
  });
  const { token } = (await minted.json()) as { token: string };
  const widget = { Authorization: `Bearer ${token}`, Origin: ORIGIN };
  const flow = await fetch(`${cluster.url}/v1/oauth/flows`, {
    method: 'POST',
    headers: { ...json, ...widget },
    body: JSON.stringify({ app: 'slack', openerOrigin: ORIGIN, mode: 'popup' }),
  });
  const { flowId } = (await flow.json()) as { flowId: string };
  const common = { url: cluster.url, connections: CONNECTIONS };
  return {
    setup,
    scenarios: {
      'mint a session': await run({
        ...common,
        url: `${cluster.url}/v1/sessions`,
        method: 'POST',
        headers: { ...json, Authorization: `Bearer ${cluster.secretKey}` },
        body: sessionBody,
      }),
      'list the catalog (50 apps)': await run({
        ...common,
        url: `${cluster.url}/v1/apps?limit=50`,
        headers: widget,
      }),
      'create a connection': await run({
        ...common,
        url: `${cluster.url}/v1/connections`,
        requests: [
          {
            method: 'POST',
            headers: { ...json, ...widget },
            body: JSON.stringify({
              app: 'stripe',
              method: 'api_key',
              fields: { apiKey: 'demo-key-123' },
            }),
            // A fresh key per request: each one is a new create, none a replay.
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, 'Idempotency-Key': `load-${randomUUID()}` },
            }),
          },
        ],
      }),
      'flow status': await run({
        ...common,
        url: `${cluster.url}/v1/oauth/flows/${flowId}`,
        headers: widget,
      }),
    },
  };
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const ratio = (value: number, base: number | undefined) =>
  base ? `${(value / base).toFixed(2)}×` : '—';

function render(results: SetupResult[], dataLayer: DataLayerRow[], date: string): string {
  const scenarios = Object.keys(results[0]?.scenarios ?? {});
  const header = ['request', ...results.flatMap((r) => [`${r.setup} req/s`, 'p50 / p99 ms'])];
  header.push('PG×1 / SQLite (req/s)', 'PG×3 / PG×1 (req/s)');
  const rows = scenarios.map((scenario) => {
    const cells = [scenario];
    for (const result of results) {
      const figures = result.scenarios[scenario]!;
      const failures = figures.non2xx + figures.errors;
      cells.push(
        fixed(figures.requestsPerSecond) + (failures ? ` (${failures} failed)` : ''),
        `${fixed(figures.p50, 1)} / ${fixed(figures.p99, 1)}`,
      );
    }
    const rps = (index: number) => results[index]?.scenarios[scenario]?.requestsPerSecond ?? 0;
    cells.push(ratio(rps(1), rps(0)), ratio(rps(2), rps(1)));
    return cells;
  });
  const table = (head: string[], body: string[][]) =>
    [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  return [
    '### Server under load (autocannon)',
    '',
    `Run ${date.slice(0, 16).replace('T', ' ')} UTC on ${availableParallelism()} cores ` +
      `(${cpus()[0]?.model.trim() ?? 'unknown CPU'}); load average after the run ${load}. ` +
      `${CONNECTIONS} connections, ${DURATION_SECONDS} s per row after 1 s of warm-up; everything ` +
      '(autocannon, HAProxy, PostgreSQL, the instances) shares the same cores, so three instances ' +
      'cannot show more than the spare CPU: compare ratios within this run.',
    '',
    table(header, rows),
    '',
    'Kysely against hand-written SQL (better-sqlite3 prepared statements, `pg` parameterised ' +
      'queries) on the same tables, median µs per call:',
    '',
    table(
      ['query', 'database', 'Kysely µs', 'hand-written µs', 'Kysely / hand-written'],
      dataLayer.map((row) => [
        row.query,
        row.database,
        fixed(row.kyselyMicros, 1),
        fixed(row.rawMicros, 1),
        ratio(row.kyselyMicros, row.rawMicros),
      ]),
    ),
    '',
  ].join('\n');
}

async function writeDocs(report: string): Promise<void> {
  const docs = readFileSync(DOCS_FILE, 'utf8');
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE} has no ${START} … ${END} section`);
  const next = `${docs.slice(0, start)}${START}\n\n${report}\n${END}${docs.slice(end + END.length)}`;
  writeFileSync(
    DOCS_FILE,
    await format(next, { ...(await resolveConfig(DOCS_FILE)), filepath: DOCS_FILE }),
  );
}

async function main(): Promise<void> {
  const date = new Date().toISOString();
  const double = await startProviderDouble();
  const provider = {
    issuer: double.url,
    authorizationEndpoint: `${double.url}/authorize`,
    tokenEndpoint: `${double.url}/token`,
    apiBaseUrl: `${double.url}/api`,
    clientId: 'load-test',
    clientSecret: 'load-test-secret',
  };
  const stackOptions = {
    credentialAttemptsPerMinute: NO_LIMITS,
    appAttemptsPerMinute: NO_LIMITS,
    pendingFlowsPerUser: NO_LIMITS,
  };
  const setups: Array<[string, ClusterOptions]> = [
    ['SQLite ×1', { instances: 1, database: 'sqlite', balancer: false }],
    ['PostgreSQL ×1', { instances: 1, balancer: false }],
    ['PostgreSQL ×3 + HAProxy', { instances: 3 }],
  ];
  const results: SetupResult[] = [];
  try {
    for (const [name, options] of setups) {
      const cluster = await startCluster({ ...options, provider, stackOptions });
      try {
        results.push(await measureSetup(name, cluster));
      } finally {
        await cluster.stop();
      }
    }
  } finally {
    double.server.close();
  }
  const dataLayer = await measureDataLayer();
  const report = await format(render(results, dataLayer, date), { parser: 'markdown' });
  process.stdout.write(report);
  mkdirSync(dirname(SERVER_RESULTS_FILE), { recursive: true });
  writeFileSync(SERVER_RESULTS_FILE, `${JSON.stringify({ date, results, dataLayer }, null, 2)}\n`);
  await writeDocs(report);
}

await main();
