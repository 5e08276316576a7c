// Out-of-order search answers. The stack's catalog is past core's REMOTE_SEARCH_THRESHOLD, so the
// picker searches on the server. The answer to the user's first query is held back until the
// answer to their corrected query has been shown, then released: the list keeps showing only
// the latest query's results, and the search box keeps the latest text.
import { expect, test } from '../../harness/fault-fixtures.js';
import { interceptBackend } from '../../harness/fault-network.js';
import { appPicker, expectShowsFirstOf, shownAppNames } from '../../harness/fault-picker.js';

const FIRST_QUERY = 'Nova';
const LATEST_QUERY = 'Quill';
/** How long the list must stay as it is once the stale answer was released. */
const QUIET_MS = 500;

test('a slow answer to an earlier search never replaces the latest one', async ({
  page,
  stack,
  openFaultPage,
  backendAppNames,
}) => {
  let releaseStale!: () => void;
  const staleReleased = new Promise<void>((resolve) => (releaseStale = resolve));
  let staleDelivered: Promise<void> | undefined;
  const searches = await interceptBackend(
    page,
    stack.url,
    { method: 'GET', path: /^\/v1\/apps$/, where: (url) => url.searchParams.has('q') },
    async (route, call) => {
      if (call.url.searchParams.get('q') !== FIRST_QUERY) return route.fallback();
      staleDelivered = (async () => {
        // The server answers at once; the answer travels slowly.
        const answer = await route.fetch();
        await staleReleased;
        // The page may have given up on this request already (it aborts superseded searches):
        // then there is nobody left to deliver to, which is fine.
        await route.fulfill({ response: answer }).catch(() => undefined);
      })();
      await staleDelivered;
    },
  );
  await openFaultPage({ elements: ['picker'] });
  const picker = appPicker(page);
  await expect(picker.options.first()).toBeVisible();

  await picker.search.fill(FIRST_QUERY);
  await expect.poll(() => searches.length).toBe(1);
  await picker.search.fill(LATEST_QUERY);
  await expect.poll(() => searches.length).toBe(2);
  const latest = await backendAppNames(searches[1]!.url.searchParams);
  await expectShowsFirstOf(picker, latest);
  const shownForLatest = await shownAppNames(picker);
  expect(shownForLatest.filter((name) => !name.includes(LATEST_QUERY))).toEqual([]);

  releaseStale();
  await staleDelivered;
  const shownAfterRelease: string[][] = [];
  for (const deadline = Date.now() + QUIET_MS; Date.now() < deadline;) {
    shownAfterRelease.push(await shownAppNames(picker));
  }
  expect(shownAfterRelease).toEqual(shownAfterRelease.map(() => shownForLatest));
  await expect(picker.search).toHaveValue(LATEST_QUERY);
});
