// A server search that keeps failing: the picker says so, with Retry, above the instant matches
// among the popular apps it holds (they are not the whole catalog), instead of sending the search
// again and again; the search box keeps the query, and Retry shows the server's results.
import { expect, test } from '../../harness/fault-fixtures.js';
import { interceptBackend, problemAnswer } from '../../harness/fault-network.js';
import { appPicker, expectShowsFirstOf } from '../../harness/fault-picker.js';

const QUERY = 'Quill';
/** How long nothing may be sent once the error shows. */
const QUIET_MS = 1000;

test('a failing search shows one error with Retry, is not re-sent by itself, and Retry recovers', async ({
  page,
  stack,
  openFaultPage,
  backendAppNames,
}) => {
  let failing = true;
  const searches = await interceptBackend(
    page,
    stack.url,
    { method: 'GET', path: /^\/v1\/apps$/, where: (url) => url.searchParams.get('q') === QUERY },
    async (route, call) => {
      if (!failing) return route.fallback();
      await route.fulfill(problemAnswer(call, 503, 'internal_error'));
    },
  );
  await openFaultPage({ elements: ['picker'] });
  const picker = appPicker(page);
  await expect(picker.options.first()).toBeVisible();

  await picker.search.fill(QUERY);
  await expect(picker.error).toContainText('Something went wrong on our side');
  await expect(picker.options.first()).toContainText(QUERY);
  const sent = searches.length;
  await page.waitForTimeout(QUIET_MS);
  expect(searches.length, 'searches sent after the error showed').toBe(sent);
  await expect(picker.error).toBeVisible();
  await expect(picker.search).toHaveValue(QUERY);

  failing = false;
  await picker.error.getByRole('button', { name: 'Retry' }).click();
  await expectShowsFirstOf(picker, await backendAppNames(searches.at(-1)!.url.searchParams));
  await expect(picker.error).toHaveCount(0);
  await expect(picker.search).toHaveValue(QUERY);
});
