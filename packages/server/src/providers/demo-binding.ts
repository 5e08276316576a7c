// The demo provider is one more definition (demo-definition.json): every app of the demo catalog
// signs in and is checked through it. Only where it runs is not data: its endpoints are bound here.
import type { App } from '@plugboard/contract';
import { parseProviderDefinition } from '@plugboard/contract/validate-provider-definition';
import type { OAuthMethod, ProviderDefinition } from '@plugboard/contract/provider-definition';
import type { ProviderEndpoints } from '../provider/provider-endpoints.js';
import type { ProviderClient } from '../provider/provider-client.js';
import demoDefinitionData from './demo-definition.json' with { type: 'json' };
import { DefinitionClient } from './definition-client.js';
import type { OutboundFetch } from './outbound-fetch.js';

const demoDefinition = parseProviderDefinition(demoDefinitionData, 'demo-definition.json');

/** The demo definition pointed at `endpoints` (the bundled demo provider, or another like it). */
function bindDemoDefinition(endpoints: ProviderEndpoints): ProviderDefinition {
  const urls = [endpoints.authorizationEndpoint, endpoints.tokenEndpoint, endpoints.apiBaseUrl];
  if (endpoints.revocationEndpoint) urls.push(endpoints.revocationEndpoint);
  const methods = demoDefinition.methods.map((method) => {
    if (method.type !== 'oauth2' || endpoints.revocationEndpoint) return method;
    const { revoke: _none, ...withoutRevoke } = method as OAuthMethod;
    return withoutRevoke;
  });
  return {
    ...demoDefinition,
    hosts: [...new Set(urls.map((url) => new URL(url).hostname))],
    methods: methods as ProviderDefinition['methods'],
  };
}

/** One client per demo catalog app: the app's own fields and scopes, the demo provider's mechanics. */
export function demoClients(
  endpoints: ProviderEndpoints,
  apps: readonly App[],
  fetch: OutboundFetch,
  now: () => number,
): Map<string, ProviderClient> {
  const definition = bindDemoDefinition(endpoints);
  const settings: Record<string, string> = {
    authorizationEndpoint: endpoints.authorizationEndpoint,
    tokenEndpoint: endpoints.tokenEndpoint,
    apiBaseUrl: endpoints.apiBaseUrl,
  };
  if (endpoints.revocationEndpoint) settings.revocationEndpoint = endpoints.revocationEndpoint;
  const host = { clientId: endpoints.clientId, clientSecret: endpoints.clientSecret, settings };
  return new Map(
    apps.map((app) => [app.key, new DefinitionClient({ definition, app, host, fetch, now })]),
  );
}
