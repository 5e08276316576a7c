import { expect, fixture, html } from '@open-wc/testing';
import type { Connection } from '@plugboard/contract';
import { createTranslatorSync } from '@plugboard/core';
import { en } from '@plugboard/core/messages';
import { testFailureView } from './test-failure-view.js';

const { t } = createTranslatorSync('en', en);

function failed(
  code: string,
  extra: Partial<Connection> = {},
  requestId: string | null = 'req_42',
): Connection {
  return {
    id: 'con_1',
    app: 'crm',
    label: 'ops@acme.example',
    method: 'api_key',
    status: 'error',
    grantedScopes: [],
    missingScopes: [],
    lastTestedAt: '2026-01-02T00:00:00Z',
    lastError: { code, message: `The service said ${code}`, ...(requestId ? { requestId } : {}) },
    setup: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    ...extra,
  };
}

async function render(connection: Connection) {
  const clicks: string[] = [];
  const el = await fixture<HTMLDivElement>(
    html`<div>
      ${testFailureView(connection, t, {
        title: 'Test failed',
        message: connection.lastError?.message ?? 'No',
        onRetest: () => clicks.push('retest'),
        onReauthorize: () => clicks.push('reauthorize'),
      })}
    </div>`,
  );
  const action = el.querySelector<HTMLButtonElement>('button.error__action')!;
  return {
    el,
    clicks,
    action,
    cause: el.querySelector('.error__cause')?.textContent,
  };
}

describe('testFailureView', () => {
  const cases: Array<[string, Connection, string, string, string]> = [
    [
      'a key the service no longer accepts',
      failed('credentials_rejected'),
      en['error.testRejected.cause'],
      'Enter new details',
      'reauthorize',
    ],
    [
      'a sign-in the service no longer accepts',
      failed('credentials_rejected', { method: 'oauth2' }),
      en['error.testSignIn.cause'],
      'Sign in again',
      'reauthorize',
    ],
    [
      'a refresh that was refused',
      failed('needs_reauth', { method: 'oauth2', status: 'needs_reauth' }),
      en['error.testSignIn.cause'],
      'Sign in again',
      'reauthorize',
    ],
    [
      'an expired connection',
      failed('token_expired', { method: 'oauth2', status: 'expired' }),
      en['error.testSignIn.cause'],
      'Sign in again',
      'reauthorize',
    ],
    [
      'a provider outage',
      failed('provider_unavailable'),
      en['error.providerUnavailable.cause'],
      'Test again',
      'retest',
    ],
    [
      'a provider that answered strangely',
      failed('provider_error'),
      en['error.testProvider.cause'],
      'Test again',
      'retest',
    ],
    ['a code nobody knows', failed('mystery'), en['error.unknown.cause'], 'Test again', 'retest'],
  ];

  for (const [what, connection, cause, label, remedy] of cases) {
    it(`${what}: the cause and the action that helps`, async () => {
      const view = await render(connection);
      expect(view.cause).to.equal(cause);
      expect(view.action.textContent?.trim()).to.equal(label);
      view.action.click();
      expect(view.clicks).to.deep.equal([remedy]);
    });
  }

  it('shows the service’s words as text, the reference with Copy, and the code in the details', async () => {
    const connection = failed('credentials_rejected');
    connection.lastError!.message = '<img src=x onerror=alert(1)>';
    const { el } = await render(connection);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.querySelector('.error__title')?.textContent).to.equal('Test failed');
    expect(alert.querySelector('.error__message')?.textContent).to.equal(
      '<img src=x onerror=alert(1)>',
    );
    expect(alert.querySelector('img')).to.equal(null);
    expect(alert.querySelector('.error__reference')?.textContent).to.contain('Reference: req_42');
    expect(alert.querySelector('button.error__copy')).to.not.equal(null);
    expect(alert.querySelector('details code')?.textContent).to.equal('credentials_rejected');
    await expect(el).to.be.accessible();
  });

  it('offers no reference when the backend recorded none', async () => {
    const { el } = await render(failed('provider_error', {}, null));
    expect(el.querySelectorAll('.error__reference')).to.have.length(0);
  });
});
