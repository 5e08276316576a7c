// Test helper: one browser going through an OAuth flow over real HTTP. It opens the flow's start
// URL on the backend (keeping the binding cookie the backend sets), signs in and consents at the
// demo provider, and hands back the provider's redirect to the callback with the cookie to send.
import { completeAuthorization, type CompleteAuthorizationOptions } from './drive-login.js';

export interface StartAnswer {
  status: number;
  location: string | null;
  /** The raw Set-Cookie headers. */
  setCookies: string[];
  html: string;
}

/** One GET of a start URL, redirects not followed, with `cookie` as the Cookie header. */
export async function openStartUrl(startUrl: string, cookie = ''): Promise<StartAnswer> {
  const response = await fetch(startUrl, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    setCookies: response.headers.getSetCookie(),
    html: await response.text(),
  };
}

/** `name=value` of a Set-Cookie header, as a browser sends it back. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!.trim();
}

export interface SignedIn {
  /** The provider's redirect to the backend's callback (code and state, or error). */
  callback: URL;
  /** The Cookie header this browser sends with that redirect. */
  cookie: string;
  /** The provider's authorization URL the start URL redirected to. */
  providerUrl: string;
}

/** Start URL → provider sign-in and consent → the redirect back, in one fresh browser. */
export async function signInThroughStartUrl(
  authorizeUrl: string,
  options: CompleteAuthorizationOptions = {},
): Promise<SignedIn> {
  const start = await openStartUrl(authorizeUrl);
  if (start.status !== 303 || !start.location || start.setCookies.length !== 1) {
    throw new Error(`The start URL answered ${start.status}: ${start.html.slice(0, 300)}`);
  }
  const callback = await completeAuthorization(start.location, options);
  return { callback, cookie: cookiePair(start.setCookies[0]!), providerUrl: start.location };
}
