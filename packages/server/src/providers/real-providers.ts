// Real services as the host configured them (PB_PROVIDERS_FILE): the apps offered and one
// definition-driven client per app.
import type { App } from '@plugboard/contract';
import type { ProviderClient } from '../provider/provider-client.js';
import { appFromDefinition } from './app-from-definition.js';
import { DefinitionClient } from './definition-client.js';
import { providerDefinitions } from './definitions/index.js';
import type { HostProviders } from './host-config.js';
import type { OutboundFetch } from './outbound-fetch.js';

export interface RealProviders {
  apps: App[];
  clients: Map<string, ProviderClient>;
}

export function realProviders(
  host: HostProviders,
  fetch: OutboundFetch,
  now: () => number,
): RealProviders {
  const apps: App[] = [];
  const clients = new Map<string, ProviderClient>();
  for (const [key, config] of host) {
    const definition = providerDefinitions.get(key);
    const app = definition && appFromDefinition(definition, config);
    if (!definition || !app) continue;
    apps.push(app);
    clients.set(key, new DefinitionClient({ definition, app, host: config, fetch, now }));
  }
  return { apps, clients };
}
