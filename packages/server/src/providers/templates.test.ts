// What a typed value can and cannot do to a URL: subdomains stay subdomains, path values are
// encoded, origins must be web addresses, and the host list refuses everything else (including
// the server's own network for self-hosted services).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAllowedHost, ForbiddenHostError } from './host-guard.js';
import { holds, MissingValueError, renderFromAnswer, renderUrl } from './templates.js';

describe('renderUrl', () => {
  it('puts a subdomain in the host and encodes path values', () => {
    const url = renderUrl('https://{site}.atlassian.net/rest/{id}', {
      site: 'acme',
      id: 'a b/c?d',
    });
    assert.equal(url.toString(), 'https://acme.atlassian.net/rest/a%20b%2Fc%3Fd');
  });

  it('keeps a colon in a path value (Telegram bot tokens)', () => {
    const url = renderUrl('https://api.telegram.org/bot{token}/getMe', { token: '123:AbC' });
    assert.equal(url.pathname, '/bot123:AbC/getMe');
  });

  for (const hostile of ['evil.com/', 'x@evil.com', 'evil.com:8080', 'a b', 'x#y', '-x.', '']) {
    it(`refuses ${JSON.stringify(hostile)} as a subdomain`, () => {
      assert.throws(
        () => renderUrl('https://{site}.zendesk.com/api', { site: hostile }),
        TypeError,
      );
    });
  }

  it('takes a leading placeholder as a whole origin, only for web addresses', () => {
    assert.equal(
      renderUrl('{base}/api/v4/user', { base: 'https://git.acme.dev/' }).toString(),
      'https://git.acme.dev/api/v4/user',
    );
    assert.throws(() => renderUrl('{base}/x', { base: 'javascript:alert(1)' }), TypeError);
    assert.throws(() => renderUrl('{base}/x', { base: 'file:///etc/passwd' }), TypeError);
  });

  it('names the value a definition needs and the connection lacks', () => {
    assert.throws(() => renderUrl('https://{dc}.api.mailchimp.com/3.0/', {}), MissingValueError);
  });
});

describe('assertAllowedHost', () => {
  const refuses = (url: string, hosts: string[]) =>
    assert.throws(() => assertAllowedHost(new URL(url), hosts), ForbiddenHostError, url);

  it('allows listed hosts and sub-domains over https', () => {
    assertAllowedHost(new URL('https://acme.zendesk.com/x'), ['*.zendesk.com']);
    assertAllowedHost(new URL('https://slack.com/api'), ['slack.com']);
  });

  it('refuses other hosts, look-alikes, plain http and user info', () => {
    refuses('https://zendesk.com.evil.dev/', ['*.zendesk.com']);
    refuses('https://evilzendesk.com/', ['*.zendesk.com']);
    refuses('http://slack.com/api', ['slack.com']);
    refuses('https://user:pass@slack.com/', ['slack.com']);
  });

  it('keeps self-hosted services (`*`) off the server’s own network', () => {
    for (const url of [
      'https://127.0.0.1/',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/',
      'https://[::1]/',
      'https://localhost/',
      'http://shop.example.com/',
    ]) {
      refuses(url, ['*']);
    }
    assertAllowedHost(new URL('https://shop.example.com/wp-json'), ['*']);
  });

  it('allows plain http only to a loopback host listed by name (the demo provider)', () => {
    assertAllowedHost(new URL('http://127.0.0.1:8788/token'), ['127.0.0.1']);
    refuses('http://127.0.0.1:8788/token', ['*']);
  });
});

describe('answers', () => {
  it('reads account templates, null when a part is missing', () => {
    const answer = { team_id: 'T1', user_id: 'U1', users: [{ id: 7 }] };
    assert.equal(renderFromAnswer('{team_id}:{user_id}', answer), 'T1:U1');
    assert.equal(renderFromAnswer('{users.0.id}', answer), '7');
    assert.equal(renderFromAnswer('{team_id}:{missing}', answer), null);
  });

  it('tests conditions: Slack’s ok, Zendesk’s anonymous user', () => {
    assert.equal(
      holds({ ok: false, error: 'invalid_auth' }, { path: 'error', in: ['invalid_auth'] }),
      true,
    );
    assert.equal(holds({ ok: true }, { path: 'ok', equals: true }), true);
    assert.equal(holds({ user: { id: null } }, { path: 'user.id', present: false }), true);
    assert.equal(holds({ user: { id: 5 } }, { path: 'user.id', present: false }), false);
  });
});
