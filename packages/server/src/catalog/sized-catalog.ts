// A catalog of a chosen size for tests: the demo apps (so their flows still work) padded with
// deterministic generated ones. Big sizes exercise what only big catalogs do, such as searching on
// the server instead of in the page.
import type { App, AppSummary } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { generateCatalog } from '@plugboard/contract/generate-catalog';

/** The demo catalog plus generated apps, `size` apps in all (never fewer than the demo apps). */
export function sizedCatalog(size: number): App[] {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`catalogSize must be a whole number of apps: ${size}`);
  }
  const demoKeys = new Set(demoCatalog.map((app) => app.key));
  const missing = Math.max(0, size - demoCatalog.length);
  // Generated keys are unique among themselves; the few that match a demo app's key are dropped,
  // so generate a margin of spares.
  const filler = generateCatalog(missing + demoCatalog.length)
    .filter((app) => !demoKeys.has(app.key))
    .slice(0, missing)
    .map(withApiKeyMethod);
  return [...demoCatalog, ...filler];
}

/** A summary made a full app: one API-key method, which the demo key passes. */
function withApiKeyMethod(summary: AppSummary): App {
  return {
    ...summary,
    authTypes: ['api_key'],
    helpUrl: null,
    authMethods: [
      {
        type: 'api_key',
        label: 'API key',
        helpUrl: null,
        fields: [
          { name: 'apiKey', label: 'API key', type: 'password', required: true, secret: true },
        ],
        scopes: [],
      },
    ],
    setupSteps: [],
  };
}
