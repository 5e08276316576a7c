// Which services the server talks to: real ones from their definitions when the host configured
// them (PB_PROVIDERS_FILE), otherwise every app of the (demo) catalog through the demo provider.
import type { App } from '@plugboard/contract';
import type { ProviderClient } from '../provider/provider-client.js';
import type { ProviderEndpoints } from '../provider/provider-endpoints.js';
import { demoClients } from './demo-binding.js';
import type { HostProviders } from './host-config.js';
import { createOutboundFetch, type OutboundFetch } from './outbound-fetch.js';
import { realProviders } from './real-providers.js';

export interface ProviderSetupInput {
  apps: readonly App[];
  provider?: ProviderEndpoints;
  realProviders?: HostProviders;
  outboundFetch?: OutboundFetch;
  now: () => number;
}

export interface ProviderSetup {
  apps: readonly App[];
  /** The client of an app of `apps`. */
  client: (appKey: string) => ProviderClient;
}

export function providerSetup(input: ProviderSetupInput): ProviderSetup {
  const fetch = input.outboundFetch ?? createOutboundFetch();
  let apps: readonly App[];
  let clients: Map<string, ProviderClient>;
  if (input.realProviders) {
    ({ apps, clients } = realProviders(input.realProviders, fetch, input.now));
  } else if (input.provider) {
    apps = input.apps;
    clients = demoClients(input.provider, apps, fetch, input.now);
  } else {
    throw new Error('The server needs either real providers or a demo provider.');
  }
  return {
    apps,
    client: (appKey) => {
      const client = clients.get(appKey);
      if (!client) throw new Error(`No provider client for “${appKey}”.`);
      return client;
    },
  };
}
