// Issue 13's proof: three reference-server instances on PostgreSQL behind HAProxy (round robin)
// behave as one server: an OAuth flow crosses instances, concurrent retries of one create make one
// connection, a killed instance loses nothing, and rate limits hold across instances.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ConnectionList, OAuthFlow, OAuthFlowStart } from '@plugboard/contract';
import { signInThroughStartUrl } from '../../packages/server/src/test-support/oauth-browser.js';
import { mint, request, type Answer } from './client.js';
import { startCluster, type Cluster } from './cluster.js';

const CREDENTIALS_PER_MINUTE = 5;
/** Reported at the end: milliseconds, and counts. */
const timings: Record<string, number> = {};
const counts: Record<string, number> = {};

describe('three instances behind HAProxy', () => {
  let cluster: Cluster;
  before(async () => {
    const started = performance.now();
    cluster = await startCluster({
      instances: 3,
      stackOptions: {
        credentialAttemptsPerMinute: CREDENTIALS_PER_MINUTE,
        testsPerMinute: 1000,
        pendingFlowsPerUser: 100,
      },
    });
    timings['cluster start (PostgreSQL, provider, 3 instances, HAProxy)'] =
      performance.now() - started;
  });
  after(async () => {
    await cluster?.stop();
    process.stdout.write(
      `# scale timings: ${Object.entries(timings)
        .map(([what, ms]) => `${what} ${Math.round(ms)} ms`)
        .concat(Object.entries(counts).map(([what, count]) => `${what}: ${count}`))
        .join('; ')}\n`,
    );
  });

  const api = (path: string) => `${cluster.url}${path}`;

  it('finishes an OAuth flow started on one instance, called back on another, long-polled on a third', async () => {
    const [first, second, third] = cluster.instances.map((instance) => instance.url);
    const token = await mint(cluster.url, cluster.secretKey, 'cross-instance-user');
    const started = await request<OAuthFlowStart>(`${first}/v1/oauth/flows`, {
      method: 'POST',
      token,
      body: { app: 'hubspot', openerOrigin: 'http://localhost:5173', mode: 'popup' },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const { flowId, authorizeUrl } = started.body;
    let answeredAt = 0;
    const longPoll = request<OAuthFlow>(`${third}/v1/oauth/flows/${flowId}?wait=25`, {
      token,
    }).then((answer) => {
      answeredAt = performance.now();
      return answer;
    });
    assert.equal(new URL(authorizeUrl).origin, cluster.url, 'the start URL is the balancer’s');
    const signedIn = await signInThroughStartUrl(authorizeUrl);
    const redirect = signedIn.callback;
    assert.equal(redirect.origin, cluster.url, 'the provider sends the browser to the balancer');
    const callback = await fetch(`${second}${redirect.pathname}${redirect.search}`, {
      headers: { cookie: signedIn.cookie },
    });
    const calledBackAt = performance.now();
    assert.equal(callback.status, 200);
    await callback.text();
    const answer = await longPoll;
    const latency = answeredAt - calledBackAt;
    timings['long-poll answer after the callback'] = latency;
    assert.equal(answer.body.status, 'succeeded');
    assert.ok(
      latency < 1000,
      `the long-poll answered ${Math.round(latency)} ms after the callback`,
    );

    // The same through the balancer alone: the flow reads the same from every instance.
    for (const instance of cluster.instances) {
      const seen = await request<OAuthFlow>(`${instance.url}/v1/oauth/flows/${flowId}`, { token });
      assert.equal(seen.body.status, 'succeeded');
    }
  });

  it('makes exactly one connection from 100 concurrent creates with one Idempotency-Key', async () => {
    const token = await mint(cluster.url, cluster.secretKey, 'idempotent-burst-user');
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        request<Connection>(api('/v1/connections'), {
          method: 'POST',
          token,
          headers: { 'Idempotency-Key': 'scale-burst-key-1' },
          body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
        }),
      ),
    );
    timings['100 concurrent idempotent creates'] = performance.now() - started;
    assert.deepEqual(
      [...new Set(answers.map((answer) => answer.status))],
      [201],
      JSON.stringify(answers.find((answer) => answer.status !== 201)?.body),
    );
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
    const list = await request<ConnectionList>(api('/v1/connections'), { token });
    assert.equal(list.body.items.length, 1);
  });

  it('holds the credential rate limit across instances', async () => {
    const userId = 'spread-out-guesser';
    const attempts = await Promise.all(
      Array.from({ length: 12 }, async (_, index) =>
        request(api('/v1/connections'), {
          method: 'POST',
          // A fresh session for each attempt, and the balancer spreads them over the instances.
          token: await mint(cluster.url, cluster.secretKey, userId),
          headers: { 'Idempotency-Key': `guess-${index}-${Date.now()}` },
          body: { app: 'stripe', method: 'api_key', fields: { apiKey: `demo-key-9${index}` } },
        }),
      ),
    );
    const statuses = attempts.map((answer) => answer.status);
    // In-process counters would allow CREDENTIALS_PER_MINUTE per instance: 15 here.
    assert.equal(statuses.filter((status) => status === 422).length, CREDENTIALS_PER_MINUTE);
    assert.equal(statuses.filter((status) => status === 429).length, 12 - CREDENTIALS_PER_MINUTE);
  });

  it('loses and duplicates nothing when an instance is killed in a burst of mixed traffic', async () => {
    const creates = 30;
    const users = Array.from({ length: creates }, (_, index) => `burst-user-${index}`);
    const tokens = await Promise.all(
      users.map((user) => mint(cluster.url, cluster.secretKey, user)),
    );
    const operations: Array<() => Promise<{ what: string; answer: Answer }>> = [];
    tokens.forEach((token, index) => {
      const key = `burst-create-${index}`;
      operations.push(async () => ({
        what: `create ${index}`,
        answer: await request(api('/v1/connections'), {
          method: 'POST',
          token,
          headers: { 'Idempotency-Key': key },
          body: { app: 'stripe', method: 'api_key', fields: { apiKey: 'demo-key-123' } },
        }),
      }));
      operations.push(async () => ({
        what: `list ${index}`,
        answer: await request(api('/v1/connections'), { token }),
      }));
      operations.push(async () => ({
        what: `catalog ${index}`,
        answer: await request(api('/v1/apps?limit=20'), { token }),
      }));
      operations.push(async () => ({
        what: `flow ${index}`,
        answer: await request(api('/v1/oauth/flows'), {
          method: 'POST',
          token,
          body: { app: 'slack', openerOrigin: 'http://localhost:5173', mode: 'popup' },
        }),
      }));
    });
    const victim = cluster.instances[1]!;
    const started = performance.now();
    let sent = 0;
    const running = new Set<Promise<unknown>>();
    const results: Array<{ what: string; answer: Answer }> = [];
    for (const operation of operations) {
      if (sent === Math.floor(operations.length / 3)) victim.kill();
      sent += 1;
      const task = operation().then((result) => results.push(result));
      running.add(task);
      void task.finally(() => running.delete(task));
      if (running.size >= 12) await Promise.race(running);
    }
    await Promise.all(running);
    timings[`${operations.length} mixed requests with an instance killed`] =
      performance.now() - started;

    const failed = results.filter(({ answer }) => answer.status >= 300);
    assert.deepEqual(
      failed.map(({ what, answer }) => `${what}: ${answer.status}`),
      [],
      'every retried request succeeds',
    );
    const retried = results.filter(({ answer }) => answer.attempts > 1).length;
    counts['requests the client retried'] = retried;
    // Each user made exactly one connection, the one its create answered with.
    for (const [index, token] of tokens.entries()) {
      const list = await request<ConnectionList>(api('/v1/connections'), { token });
      const create = results.find(({ what }) => what === `create ${index}`)!;
      assert.deepEqual(
        list.body.items.map((item) => item.id),
        [(create.answer.body as Connection).id],
        `user ${index}`,
      );
    }
  });
});
