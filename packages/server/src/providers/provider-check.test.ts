// `providers check` against service doubles: a key refused then accepted, and a full OAuth round
// (authorize in the "browser", code exchange, account check, refresh, revoke), each step reported.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDoublesServer, type DoublesServer } from '../test-support/doubles/doubles-server.js';
import { approveAtDouble } from '../test-support/doubles/drive-authorize.js';
import { slackService } from '../test-support/doubles/services/slack.js';
import { stripeService } from '../test-support/doubles/services/stripe.js';
import { createOutboundFetch } from './outbound-fetch.js';
import { providerCheckCommand } from './provider-check-command.js';

describe('plugboard-server providers check', () => {
  let doubles: DoublesServer;
  const slack = slackService();
  const stripe = stripeService();

  before(async () => {
    doubles = await startDoublesServer([slack.double, stripe.double]);
  });
  after(() => doubles.close());

  const run = async (args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void) => {
    const lines: string[] = [];
    const passed = await providerCheckCommand(args, env, 'usage', {
      print: (line) => {
        lines.push(line);
        onLine?.(line);
      },
      fetch: createOutboundFetch(doubles.dispatcher()),
    });
    return { passed, lines };
  };

  it('checks a key from the environment and reports a refusal', async () => {
    const { fields } = stripe.scenarios[0]!.credentials![0]!;
    const good = await run(['stripe'], { PB_CHECK_FIELD_APIKEY: String(fields.apiKey) });
    assert.equal(good.passed, true, good.lines.join('\n'));
    assert.match(
      good.lines.at(-1)!,
      /^✔ account check: connected as jane@acme\.com \(account acct_/,
    );
    const bad = await run(['stripe', '--field', 'apiKey=sk_test_000000000000000000000000'], {});
    assert.equal(bad.passed, false);
    assert.equal(bad.lines.at(-1), '✖ account check: the service refused these credentials');
  });

  it('runs an OAuth round: authorize, exchange, account, refresh, revoke', async () => {
    const { host } = slack.scenarios[0]!;
    let approval: Promise<unknown> = Promise.resolve();
    const { passed, lines } = await run(
      [
        'slack',
        '--client-id',
        String(host.clientId),
        '--redirect-uri',
        'http://127.0.0.1:0/callback',
        '--revoke',
      ],
      { PB_CHECK_CLIENT_SECRET: String(host.clientSecret) },
      (line) => {
        if (!line.startsWith('  https://slack.com/')) return;
        approval = approveAtDouble(line.trim(), doubles.dispatcher()).then(({ callbackUrl }) =>
          fetch(callbackUrl),
        );
      },
    );
    await approval;
    assert.equal(passed, true, lines.join('\n'));
    const steps = lines.filter((line) => /^[✔✖–]/.test(line)).map((line) => line.split(':')[0]);
    assert.deepEqual(steps, [
      '✔ definition',
      '✔ authorize',
      '✔ code exchange',
      '✔ account check',
      '✔ refresh',
      '✔ account check after refresh',
      '✔ revoke',
    ]);
    assert.ok(
      lines.includes('✔ account check: connected as jane (Acme) (account T0ACME01:U0JANE01)'),
      lines.join('\n'),
    );
    assert.equal(slack.scenarios[0]!.oauth!.grants.stats.revocations, 1);
  });
});
