// A catalog and connection list where every server string the widgets render is a hostile
// payload: app i carries payload i in every field, so each field meets every payload. Strings are
// placed verbatim, the 10,000-character ones too, although the contract caps most fields lower: a
// hostile backend does not keep to the contract, and the widgets must stay safe when it does not.
import type { App, Connection, ConnectionStatus } from '@plugboard/contract';
import { buildConnection, webhookSetupFor } from '../state/connection-factory.js';
import { hostilePayloads } from './hostile-payloads.js';

const index2 = (i: number) => String(i).padStart(2, '0');

function hostileApp(payload: string, i: number): App {
  return {
    key: `hostile-${index2(i)}`,
    name: payload,
    logoUrl: payload,
    categories: [payload],
    aliases: [payload],
    popularity: hostilePayloads.length - i,
    description: payload,
    health: { status: 'operational', message: payload },
    authTypes: ['api_key', 'oauth2'],
    helpUrl: payload,
    authMethods: [
      {
        type: 'api_key',
        label: payload,
        helpText: payload,
        helpUrl: payload,
        scopes: [],
        fields: [
          {
            name: 'region',
            label: payload,
            type: 'select',
            required: false,
            secret: false,
            helpText: payload,
            helpUrl: payload,
            options: [{ value: 'eu', label: payload }],
          },
          {
            name: 'apiKey',
            label: payload,
            type: 'password',
            required: true,
            secret: true,
            placeholder: payload,
            patternHint: payload,
            helpText: payload,
            helpUrl: payload,
          },
        ],
      },
      {
        type: 'oauth2',
        label: payload,
        helpText: payload,
        helpUrl: payload,
        fields: [],
        scopes: [{ name: 'data.read', description: payload, required: true }],
      },
    ],
    setupSteps: [
      { type: 'webhook_url', title: payload, instructions: [payload], helpUrl: payload },
    ],
  };
}

/** One app per hostile payload (see `hostilePayloads`). */
export function hostileCatalog(): App[] {
  return hostilePayloads.map(hostileApp);
}

const statuses: ConnectionStatus[] = ['connected', 'error', 'expired', 'needs_reauth'];

/** One connection per hostile app, labelled and failing with the app's payload. */
export function hostileConnections(catalog: readonly App[], baseUrl: string): Connection[] {
  return catalog.map((app, i) => {
    const id = `con_hostile${index2(i)}`;
    const payload = hostilePayloads[i % hostilePayloads.length]!;
    return buildConnection({
      id,
      app: app.key,
      label: payload,
      method: 'api_key',
      status: statuses[i % statuses.length]!,
      lastError: { code: 'provider_error', message: payload, requestId: `req_hostile${index2(i)}` },
      setup: webhookSetupFor(app, id, baseUrl),
    });
  });
}
