// Sends one request a definition describes: its URL and values rendered, the service's required
// headers, signed as the connection or as the OAuth client, only to the service's own hosts, with
// a timeout. The answer's JSON (when it is JSON) is read for the caller.
import type { ProviderDefinition, Request, Signing } from '@plugboard/contract/provider-definition';
import { assertAllowedHost, ForbiddenHostError } from './host-guard.js';
import type { OutboundFetch } from './outbound-fetch.js';
import {
  MissingValueError,
  renderJson,
  renderMap,
  renderText,
  renderUrl,
  type TemplateValues,
} from './templates.js';

const TIMEOUT_MS = 10_000;

export interface ServiceAnswer {
  status: number;
  /** The parsed JSON body, or null when the body is not JSON. */
  body: unknown;
}

/** The service could not be asked or did not answer; `detail` is safe to show the user. */
export class UnreachableError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'UnreachableError';
  }
}

export interface RequestContext {
  definition: ProviderDefinition;
  fetch: OutboundFetch;
  values: TemplateValues;
  /** How `auth: credential` signs: the method's signing. */
  signing: Signing | undefined;
  client: { id: string; secret: string } | null;
}

function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** RFC 6749 §2.3.1: the client id and secret are form-encoded before Basic encoding. */
export function clientBasicAuthorization(client: { id: string; secret: string }): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return basicAuthorization(encode(client.id), encode(client.secret));
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return 'The service did not answer in time.';
  return 'The service could not be reached.';
}

/** Builds the URL and headers of a request, signed as asked. Throws on a missing value or host. */
function prepare(request: Request, context: RequestContext): { url: URL; init: RequestInit } {
  const { definition, values } = context;
  const url = renderUrl(request.url, values);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...renderMap(definition.headers, values),
    ...renderMap(request.headers, values),
  };
  const auth = request.auth ?? 'credential';
  if (auth === 'credential' && context.signing) {
    const { signing } = context;
    Object.assign(headers, renderMap(signing.headers, values));
    for (const [name, value] of Object.entries(renderMap(signing.query, values))) {
      url.searchParams.set(name, value);
    }
    if (signing.basic) {
      headers.Authorization = basicAuthorization(
        renderText(signing.basic.username, values),
        renderText(signing.basic.password, values),
      );
    }
  } else if (auth === 'client') {
    if (!context.client) throw new MissingValueError('clientId');
    headers.Authorization = clientBasicAuthorization(context.client);
  }
  for (const [name, value] of Object.entries(renderMap(request.query, values))) {
    url.searchParams.set(name, value);
  }
  let body: string | undefined;
  if (request.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(renderMap(request.form, values)).toString();
  } else if (request.json) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(renderJson(request.json, values));
  }
  assertAllowedHost(url, definition.hosts);
  return { url, init: { method: request.method ?? 'GET', headers, body } };
}

/** Sends a prepared request; throws UnreachableError when there is no answer. */
export async function send(
  fetch: OutboundFetch,
  url: URL,
  init: RequestInit,
): Promise<ServiceAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new UnreachableError(describeFailure(error));
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, body: parseJson(text) };
}

/** The JSON value of a body, or null when it is empty or not JSON (a proxy's HTML page). */
function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** prepare + send, with a definition problem (missing value, foreign host) as UnreachableError. */
export async function callService(
  request: Request,
  context: RequestContext,
): Promise<ServiceAnswer> {
  let prepared: { url: URL; init: RequestInit };
  try {
    prepared = prepare(request, context);
  } catch (error) {
    if (error instanceof MissingValueError || error instanceof ForbiddenHostError) {
      throw new UnreachableError(error.message);
    }
    if (error instanceof TypeError) throw new UnreachableError('The service address is not valid.');
    throw error;
  }
  return send(context.fetch, prepared.url, prepared.init);
}
