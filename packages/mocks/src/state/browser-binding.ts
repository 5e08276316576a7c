// The real server's browser binding (RFC 9700 §4.7.1), mocked: the flow's start URL gives the
// browser that opens it first a cookie (HttpOnly, SameSite=Lax, on `/v1/oauth` under the base
// URL's path, Secure over https), and only a request carrying it may complete the flow. In a
// browser, MSW keeps mocked cookies in its own jar and hands them to requests sent with
// credentials, so components exercise the same contract; in Node a test sends the Cookie header.
import type { MockFlow } from './mock-state.js';

/** As on the real server: the widget opens the start URL at once. */
export const FLOW_START_WINDOW_MS = 2 * 60 * 1000;

function bindingCookieName(flowId: string): string {
  return `pb_oauth_${flowId}`;
}

function cookieScope(baseUrl: string): string {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:' ? '; Secure' : '';
  return `Path=${url.pathname.replace(/\/+$/, '')}/v1/oauth${secure}`;
}

export function setBindingCookie(baseUrl: string, flow: MockFlow, value: string): string {
  const maxAge = Math.max(0, Math.ceil((Date.parse(flow.expiresAt) - Date.now()) / 1000));
  return `${bindingCookieName(flow.flowId)}=${value}; Max-Age=${maxAge}; ${cookieScope(baseUrl)}; HttpOnly; SameSite=Lax`;
}

export function clearBindingCookie(baseUrl: string, flowId: string): string {
  return `${bindingCookieName(flowId)}=; Max-Age=0; ${cookieScope(baseUrl)}; HttpOnly; SameSite=Lax`;
}

/** Whether the request's cookies hold the binding the flow was given. */
export function isSameBrowser(flow: MockFlow, cookies: Record<string, string>): boolean {
  return (
    flow.browserBinding !== null && cookies[bindingCookieName(flow.flowId)] === flow.browserBinding
  );
}
