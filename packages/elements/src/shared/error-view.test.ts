import { expect, fixture, html } from '@open-wc/testing';
import { HttpError, PlugboardError } from '@plugboard/core';
import { createTranslatorSync } from '@plugboard/core';
import { en } from '@plugboard/core/messages';
import { errorView } from './error-view.js';

const { t } = createTranslatorSync('en', en);

function problem(status: number, code: 'internal_error' | 'rate_limited', detail: string) {
  return { type: 'about:blank', title: 'Failed', status, code, detail, requestId: 'req_123' };
}

describe('errorView', () => {
  it('says what happened, the likely cause, one action and the reference', async () => {
    let retried = 0;
    const error = new HttpError(problem(500, 'internal_error', '<img src=x onerror=alert(1)>'));
    const el = await fixture<HTMLDivElement>(
      html`<div>${errorView(error, t, { onAction: () => (retried += 1) })}</div>`,
    );
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.querySelector('.error__title')?.textContent).to.equal(en['error.server.title']);
    expect(alert.querySelector('.error__cause')?.textContent).to.equal(en['error.server.cause']);
    expect(alert.textContent).to.contain('Reference: req_123');
    const buttons = alert.querySelectorAll('button');
    expect(buttons[0]!.textContent?.trim()).to.equal('Try again');
    buttons[0]!.click();
    expect(retried).to.equal(1);
    // The server's text is only in the collapsed details, and only as text.
    expect(alert.querySelector('details')?.open).to.equal(false);
    expect(alert.querySelector('img')).to.equal(null);
    expect(alert.querySelector('details')?.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('takes a context title and a custom action label', async () => {
    const error = new PlugboardError('timeout', 'Timed out');
    const el = await fixture<HTMLDivElement>(
      html`<div>
        ${errorView(error, t, { title: 'Could not load', onAction: () => {}, actionLabel: 'Retry' })}
      </div>`,
    );
    expect(el.querySelector('.error__title')?.textContent).to.equal('Could not load');
    expect(el.querySelector('.error__cause')?.textContent).to.equal(en['error.timeout.cause']);
    expect(el.querySelector('button')?.textContent?.trim()).to.equal('Retry');
    expect(el.textContent).not.to.contain('Reference');
  });

  it('tells an unexpected error (a bug) from being offline', async () => {
    const error = new PlugboardError(
      'unexpected',
      "Cannot read properties of undefined (reading 'key')",
    );
    const el = await fixture<HTMLDivElement>(html`<div>${errorView(error, t)}</div>`);
    expect(el.querySelector('.error__title')?.textContent).to.equal(en['error.unexpected.title']);
    expect(el.querySelector('.error__cause')?.textContent).to.equal(en['error.unexpected.cause']);
    expect(el.textContent).not.to.contain(en['error.network.title']);
    expect(el.querySelector('details code')?.textContent).to.equal('unexpected');
  });

  it('maps problem codes before statuses', async () => {
    const error = new HttpError(problem(429, 'rate_limited', 'Slow down'));
    const el = await fixture<HTMLDivElement>(html`<div>${errorView(error, t)}</div>`);
    expect(el.querySelector('.error__title')?.textContent).to.equal(en['error.rateLimited.title']);
    expect(el.querySelector('button.error__action')).to.equal(null);
  });
});
