// Retries: a 429 or 503 with Retry-After is retried no sooner than the server asked, and the
// search the user typed then shows its results; a request that is unsafe to repeat (a POST without
// Idempotency-Key) is never retried on a 500, while a GET is.
import { expect, test } from '../../harness/fault-fixtures.js';
import { credentialsForm, fillIn } from '../../harness/fault-credentials-form.js';
import { interceptBackend, problemAnswer } from '../../harness/fault-network.js';
import { appPicker, expectShowsFirstOf } from '../../harness/fault-picker.js';

const RETRY_AFTER_SECONDS = 1;
const RETRY_AFTER_MS = RETRY_AFTER_SECONDS * 1000;
const QUERY = 'Quill';

test(`a search answered 429 with Retry-After: ${RETRY_AFTER_SECONDS} is retried after that wait, then shows its results`, async ({
  page,
  stack,
  openFaultPage,
  backendAppNames,
}) => {
  const searches = await interceptBackend(
    page,
    stack.url,
    { method: 'GET', path: /^\/v1\/apps$/, where: (url) => url.searchParams.get('q') === QUERY },
    async (route, call, index) => {
      if (index > 0) return route.fallback();
      await route.fulfill(
        problemAnswer(call, 429, 'rate_limited', { retryAfterSeconds: RETRY_AFTER_SECONDS }),
      );
    },
  );
  await openFaultPage({ elements: ['picker'] });
  const picker = appPicker(page);
  await expect(picker.options.first()).toBeVisible();

  await picker.search.fill(QUERY);
  await expect.poll(() => searches.length).toBe(2);
  const [refused, retried] = searches;
  expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(RETRY_AFTER_MS);

  await expectShowsFirstOf(picker, await backendAppNames(retried!.url.searchParams));
  await expect(picker.error).toHaveCount(0);
  await expect(picker.search).toHaveValue(QUERY);
  expect(searches).toHaveLength(2);
});

test(`a GET is retried after a 503 (Retry-After: ${RETRY_AFTER_SECONDS}) and a 500; a POST without Idempotency-Key never is`, async ({
  page,
  stack,
  openFaultPage,
}) => {
  // The dialog's app: a 503 asking for a pause, then a 500, then the real answer.
  const appLoads = await interceptBackend(
    page,
    stack.url,
    { method: 'GET', path: /^\/v1\/apps\/[^/]+$/ },
    async (route, call, index) => {
      if (index === 0) {
        return route.fulfill(
          problemAnswer(call, 503, 'internal_error', { retryAfterSeconds: RETRY_AFTER_SECONDS }),
        );
      }
      if (index === 1) return route.fulfill(problemAnswer(call, 500, 'internal_error'));
      await route.fallback();
    },
  );
  let testsFail = true;
  const connectionTests = await interceptBackend(
    page,
    stack.url,
    { method: 'POST', path: /^\/v1\/connections\/[^/]+\/test$/ },
    async (route, call) => {
      if (!testsFail) return route.fallback();
      await route.fulfill(problemAnswer(call, 500, 'internal_error'));
    },
  );
  await openFaultPage({ elements: ['dialog'] });
  const form = credentialsForm(page);

  // The GET was sent again by itself, after the pause the 503 asked for, and the form came.
  await fillIn(form);
  expect(appLoads).toHaveLength(3);
  expect(appLoads[1]!.at - appLoads[0]!.at).toBeGreaterThanOrEqual(RETRY_AFTER_MS);

  // The connection test (POST, no Idempotency-Key) failed once and was left to the user.
  await form.submit.click();
  await expect(
    form.dialog.getByRole('heading', { name: 'The connection was saved, but its test failed.' }),
  ).toBeVisible();
  await expect(form.error).toContainText('Something went wrong on our side');
  expect(connectionTests).toHaveLength(1);
  expect(connectionTests[0]!.headers['idempotency-key']).toBeUndefined();

  testsFail = false;
  await form.dialog.getByRole('button', { name: 'Test again' }).click();
  await expect(form.connected).toBeVisible();
  expect(connectionTests).toHaveLength(2);
});
