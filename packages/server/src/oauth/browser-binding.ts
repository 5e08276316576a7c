// Binds an OAuth flow to the browser that started it (RFC 9700 §4.7.1). The widget calls the API
// without cookies from another origin, so the binding is made where the browser is first-party:
// the popup (or tab) opens the flow's start URL on this backend as a top-level navigation, which
// sets a cookie and redirects to the provider. The provider's redirect back to the callback is a
// top-level GET navigation too, so the browser sends the SameSite=Lax cookie with it; a redirect
// arriving in another browser has no cookie and connects nothing.
import { constantTimeEqual, randomToken, sha256 } from '../crypto/random.js';

/** The start URL must be opened this soon after the flow starts (the widget does so at once). */
export const FLOW_START_WINDOW_MS = 2 * 60 * 1000;

/** One cookie per flow, so flows running in two tabs of one browser do not overwrite each other. */
export function bindingCookieName(flowId: string): string {
  return `pb_oauth_${flowId}`;
}

export interface BindingCookieScope {
  /** `/v1/oauth` under the public URL's path: the start URL and the callback, nothing else. */
  path: string;
  /** Over https only; a plain-http public URL (localhost development) cannot keep Secure cookies. */
  secure: boolean;
}

export function bindingCookieScope(publicUrl: string): BindingCookieScope {
  const url = new URL(publicUrl);
  return {
    path: `${url.pathname.replace(/\/+$/, '')}/v1/oauth`,
    secure: url.protocol === 'https:',
  };
}

/**
 * The OAuth `state` of a flow, derived one-way from the start URL's one-time secret: the start URL
 * finds its flow through the state's stored hash, and the state sent to the provider reveals
 * nothing that would open the start URL.
 */
export function stateForStartSecret(startSecret: string): string {
  return sha256(`oauth-state:${startSecret}`);
}

/** A fresh cookie value and the hash the flow keeps of it. */
export function newBrowserBinding(): { value: string; hash: string } {
  const value = randomToken(32);
  return { value, hash: sha256(value) };
}

/** Whether `cookie` is the binding a flow was given; false for an unbound flow or no cookie. */
export function isSameBrowser(bindingHash: string | null, cookie: string | undefined): boolean {
  return (
    bindingHash !== null && cookie !== undefined && constantTimeEqual(sha256(cookie), bindingHash)
  );
}
