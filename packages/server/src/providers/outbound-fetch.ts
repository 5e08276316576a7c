// The server's fetch for calls to services. Node 20's own fetch ignores HTTPS_PROXY; undici's
// EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY, and TLS through it trusts
// NODE_EXTRA_CA_CERTS (read by Node at start), as corporate deployments need.
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';

export type OutboundFetch = (url: URL, init: RequestInit) => Promise<Response>;

/** A fetch through `dispatcher`; by default one proxy-aware agent read from the environment. */
export function createOutboundFetch(
  dispatcher: Dispatcher = new EnvHttpProxyAgent(),
): OutboundFetch {
  return async (url, init) =>
    (await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as Response;
}
