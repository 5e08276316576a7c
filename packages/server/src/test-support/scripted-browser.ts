// Plays a browser against the demo provider over real HTTP: keeps cookies, follows redirects by
// hand and stops at the first page it has to show or the first redirect that leaves the provider.
// Used by drive-login and the provider's own tests.

/** Cookies for the provider's origin. Paths are ignored: the flow never reuses a name across paths. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) <= Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export type BrowseResult =
  | { kind: 'page'; url: URL; status: number; headers: Headers; html: string }
  | { kind: 'left-provider'; url: URL };

/** More redirects than any authorization needs (authorize → interaction → resume → …). */
const MAX_REDIRECTS = 8;

export class ScriptedBrowser {
  private readonly jar = new CookieJar();
  private readonly origin: string;

  constructor(providerUrl: string | URL) {
    this.origin = new URL(providerUrl).origin;
  }

  open(url: string | URL): Promise<BrowseResult> {
    return this.navigate(new URL(url));
  }

  /** Submits a form the way a browser does (urlencoded POST), then follows redirects. */
  submit(action: string | URL, form: URLSearchParams): Promise<BrowseResult> {
    return this.navigate(new URL(action), form);
  }

  private async navigate(start: URL, form?: URLSearchParams): Promise<BrowseResult> {
    let url = start;
    let body = form;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      if (url.origin !== this.origin) return { kind: 'left-provider', url };
      const headers: Record<string, string> = { cookie: this.jar.header() };
      if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers,
        body: body?.toString(),
        redirect: 'manual',
      });
      this.jar.store(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        body = undefined;
        continue;
      }
      const html = await response.text();
      return { kind: 'page', url, status: response.status, headers: response.headers, html };
    }
    throw new Error(`More than ${MAX_REDIRECTS} redirects starting at ${start.pathname}`);
  }
}
