// Error answers of every shape to the create request, one after the other: a problem+json 500,
// JSON cut off mid-way and a proxy's HTML error page. Each becomes a clear error in the form
// (never a crash, never the proxy's markup), the input stays, and Try again sends the create
// again; once the backend is reachable it connects, once.
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, expectFormError, fillIn } from '../../harness/fault-credentials-form.js';
import {
  expectOneIdempotencyKey,
  interceptBackend,
  problemAnswer,
  rawAnswer,
  type Fulfilment,
  type InterceptedCall,
} from '../../harness/fault-network.js';

const PROXY_PAGE = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

interface Fault {
  readonly name: string;
  readonly answer: (call: InterceptedCall) => Fulfilment;
  readonly title: string;
  /** The error's technical details: different for each fault, so each error is told apart. */
  readonly detail: string;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'a 500 with a problem+json body',
    answer: (call) => problemAnswer(call, 500, 'internal_error'),
    title: 'Something went wrong on our side',
    detail: 'internal_error',
  },
  {
    name: 'a 201 whose JSON body is cut off',
    answer: (call) => rawAnswer(call, 201, 'application/json', '{"id":"con_01","app":"mail'),
    title: 'We got an answer we couldn’t read',
    detail: 'The response is not valid JSON.',
  },
  {
    name: 'a proxy’s HTML error page (502 text/html)',
    answer: (call) => rawAnswer(call, 502, 'text/html', PROXY_PAGE),
    title: 'Something went wrong on our side',
    detail: 'Bad Gateway',
  },
];

test('a 500 problem, cut-off JSON and an HTML error page: each a clear error that keeps the input, and Try again recovers', async ({
  page,
  stack,
  openFaultPage,
  backendConnections,
}) => {
  let fault: Fault | undefined;
  const creates = await interceptBackend(
    page,
    stack.url,
    { method: 'POST', path: /^\/v1\/connections$/ },
    async (route, call) => {
      if (!fault) return route.fallback();
      await route.fulfill(fault.answer(call));
    },
  );
  await openFaultPage({ elements: ['dialog'] });
  const form = credentialsForm(page);
  await fillIn(form);

  for (const [index, current] of FAULTS.entries()) {
    await test.step(current.name, async () => {
      fault = current;
      await (index === 0 ? form.submit : form.tryAgain).click();
      await expect(form.error).toContainText(current.detail);
      await expectFormError(form, current.title);
      await expect(form.submit).toBeEnabled();
    });
  }
  // The proxy's page is text in the details at most, never rendered (no heading, no body text).
  await expect(form.dialog.getByText('nginx')).toHaveCount(0);

  fault = undefined;
  await form.tryAgain.click();
  await expect(form.connected).toBeVisible();
  expectOneIdempotencyKey(creates);
  expect(await backendConnections()).toHaveLength(1);
});
