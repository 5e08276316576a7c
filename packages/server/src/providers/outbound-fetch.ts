// The server's fetch for calls to services. Node 20's fetch ignores HTTPS_PROXY by itself; given
// undici's EnvHttpProxyAgent as its dispatcher it honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY, and
// TLS through it trusts NODE_EXTRA_CA_CERTS (read by Node at start), as corporate deployments need.
// The global fetch is looked up per call, so a test that observes it sees these calls too.
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

export type OutboundFetch = (url: URL, init: RequestInit) => Promise<Response>;

/** A fetch through `dispatcher`; by default one proxy-aware agent read from the environment. */
export function createOutboundFetch(
  dispatcher: Dispatcher = new EnvHttpProxyAgent(),
): OutboundFetch {
  // `dispatcher` is Node's (undici's) extension of RequestInit.
  return (url, init) => globalThis.fetch(url, { ...init, dispatcher } as RequestInit);
}
