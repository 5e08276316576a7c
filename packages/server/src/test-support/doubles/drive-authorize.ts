// Plays the user at a double's sign-in page: opens the authorize URL through the doubles' proxy,
// presses "Allow", and follows the redirect back to the callback.
import { fetch as undiciFetch, type Dispatcher } from 'undici';

/**
 * The same, starting from a flow's start URL on the server, which binds the flow to this
 * "browser" with a cookie and redirects to the service: the callback needs that cookie back.
 */
export async function approveThroughStartUrl(
  startUrl: string,
  dispatcher: Dispatcher,
): Promise<{ callbackUrl: URL; cookie: string }> {
  const start = await fetch(startUrl, { redirect: 'manual' });
  const authorizeUrl = start.headers.get('location');
  const [binding] = start.headers.getSetCookie();
  await start.body?.cancel();
  if (start.status !== 303 || !authorizeUrl || !binding) {
    throw new Error(`The start URL answered ${start.status}.`);
  }
  const { callbackUrl } = await approveAtDouble(authorizeUrl, dispatcher);
  return { callbackUrl, cookie: binding.split(';')[0]!.trim() };
}

export async function approveAtDouble(
  authorizeUrl: string,
  dispatcher: Dispatcher,
): Promise<{ callbackUrl: URL }> {
  const page = await undiciFetch(authorizeUrl, { dispatcher, redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200)
    throw new Error(`The sign-in page answered ${page.status}: ${html.slice(0, 200)}`);
  const action = /<form method="post" action="([^"]+)"/
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
  if (!action) throw new Error('The sign-in page has no consent form.');
  const decision = await undiciFetch(action, {
    dispatcher,
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'decision=allow',
  });
  const location = decision.headers.get('location');
  await decision.body?.cancel();
  if (decision.status !== 302 || !location) throw new Error(`Consent answered ${decision.status}.`);
  return { callbackUrl: new URL(location) };
}
