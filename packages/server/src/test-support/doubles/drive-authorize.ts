// Plays the user at a double's sign-in page: opens the authorize URL through the doubles' proxy,
// presses "Allow", and follows the redirect back to the server's callback.
import { fetch as undiciFetch, type Dispatcher } from 'undici';

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
