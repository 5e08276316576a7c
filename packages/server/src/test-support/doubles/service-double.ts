// What a double of a real service is: the host names it answers for and a handler, plus the
// small request/response vocabulary every double uses. Each double's routes and answers are
// written by hand from that service's documentation (see services/).
import type { IncomingHttpHeaders } from 'node:http';

export interface DoubleRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface DoubleReply {
  status: number;
  json?: unknown;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: DoubleRequest) => DoubleReply | Promise<DoubleReply>;

export interface ServiceDouble {
  /** Host names served, exact or `*.example.com`. */
  hosts: string[];
  handle(request: DoubleRequest): DoubleReply | Promise<DoubleReply> | undefined;
}

export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

/** A double from `'METHOD host /path'` routes; `*.host` and a trailing `*` in paths match. */
export function routes(table: Record<string, Handler>): ServiceDouble {
  const entries = Object.entries(table).map(([key, handler]) => {
    const [method, host, path] = key.split(' ') as [string, string, string];
    return { method, host, path, handler };
  });
  return {
    hosts: [...new Set(entries.map((entry) => entry.host))],
    handle(request) {
      const host = request.url.hostname;
      const path = request.url.pathname;
      const entry = entries.find(
        (candidate) =>
          candidate.method === request.method &&
          hostMatches(host, candidate.host) &&
          (candidate.path.endsWith('*')
            ? path.startsWith(candidate.path.slice(0, -1))
            : candidate.path === path),
      );
      return entry?.handler(request);
    },
  };
}

export const json = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): DoubleReply => ({
  status,
  json: body,
  headers,
});

export function form(request: DoubleRequest): URLSearchParams {
  return new URLSearchParams(request.body);
}

export function jsonBody(request: DoubleRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function bearer(request: DoubleRequest, scheme = 'Bearer'): string | null {
  const header = request.headers.authorization ?? '';
  const prefix = `${scheme} `;
  return header.toLowerCase().startsWith(prefix.toLowerCase()) ? header.slice(prefix.length) : null;
}

export function basic(request: DoubleRequest): { user: string; password: string } | null {
  const encoded = bearer(request, 'Basic');
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  return { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** Client credentials from HTTP Basic (form-decoded, RFC 6749 §2.3.1) or from the body. */
export function clientCredentials(
  request: DoubleRequest,
  params: URLSearchParams | Record<string, unknown>,
): { id: string; secret: string; via: 'basic' | 'body' } | null {
  const pair = basic(request);
  if (pair) {
    const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    return { id: decode(pair.user), secret: decode(pair.password), via: 'basic' };
  }
  const get = (name: string) =>
    params instanceof URLSearchParams ? params.get(name) : (params[name] as string | undefined);
  const id = get('client_id');
  const secret = get('client_secret');
  return id && secret ? { id, secret, via: 'body' } : null;
}
