// Test helper (not exported by the package): one browser against the mock backend in Node, which
// has no cookie jar. It follows the backend's redirects by hand, keeping the cookies the backend
// sets, and stops at the first page or at a redirect that leaves the backend (redirect mode's
// return to the host page).
import { BASE_URL } from './mock-api.js';

export interface BrowsedPage {
  response: Response;
  html: string;
  url: string;
}

export class MockBrowser {
  private readonly cookies = new Map<string, string>();

  /** The Cookie header this browser sends to the backend. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One request, redirects not followed; its cookies are kept. */
  async request(url: string): Promise<Response> {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: this.cookies.size > 0 ? { cookie: this.cookieHeader } : {},
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    return response;
  }

  /** Opens `url` and follows the backend's redirects. */
  async open(url: string): Promise<BrowsedPage> {
    let current = url;
    for (let hop = 0; hop < 5; hop += 1) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { response, html: await response.text(), url: current };
      }
      const next = new URL(location, current).href;
      if (!next.startsWith(`${BASE_URL}/`)) return { response, html: '', url: current };
      current = next;
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /**
   * Opens a flow's start URL only: the binding cookie is kept, and the state the provider would
   * send back is returned, so a test can play the provider's redirect itself.
   */
  async openStart(authorizeUrl: string): Promise<{ state: string; response: Response }> {
    const response = await this.request(authorizeUrl);
    const location = response.headers.get('location');
    if (response.status !== 303 || !location) {
      throw new Error(`The start URL answered ${response.status}`);
    }
    return { state: new URL(location).searchParams.get('state')!, response };
  }
}
