// The definitions as data: every file in definitions/ is loaded and valid, the issue's 43 services
// are there, each presents a contract-valid catalog entry that keeps the server's side to itself,
// and every fixed URL of a definition is on one of its declared hosts.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { contractViolations } from '@plugboard/contract/validate-response';
import type { ProviderDefinition, Request } from '@plugboard/contract/provider-definition';
import {
  InvalidProviderDefinitionError,
  parseProviderDefinition,
} from '@plugboard/contract/validate-provider-definition';
import { appFromDefinition } from './app-from-definition.js';
import { providerDefinitions } from './definitions/index.js';
import { assertAllowedHost } from './host-guard.js';

const ISSUE_KEYS = [
  'pipedrive',
  'hubspot',
  'salesforce',
  'zoho-crm',
  'slack',
  'microsoft-teams',
  'discord',
  'google-sheets',
  'gmail',
  'google-calendar',
  'google-drive',
  'microsoft-outlook',
  'notion',
  'airtable',
  'github',
  'gitlab',
  'jira',
  'confluence',
  'trello',
  'asana',
  'monday',
  'clickup',
  'linear',
  'zendesk',
  'intercom',
  'freshdesk',
  'shopify',
  'woocommerce',
  'stripe',
  'quickbooks',
  'xero',
  'mailchimp',
  'klaviyo',
  'activecampaign',
  'sendgrid',
  'twilio',
  'calendly',
  'typeform',
  'zoom',
  'dropbox',
  'box',
  'webflow',
  'telegram-bot',
];
const SERVICES_BOTH_WAYS = [
  'pipedrive',
  'hubspot',
  'notion',
  'airtable',
  'github',
  'gitlab',
  'jira',
  'confluence',
  'asana',
  'monday',
  'clickup',
  'linear',
  'intercom',
  'mailchimp',
  'klaviyo',
  'calendly',
  'typeform',
  'webflow',
];
const withClient = { clientId: 'client-id', clientSecret: 'CLIENT-SECRET-VALUE', settings: {} };

/** Every request a definition can make, with where it sits. */
function requestsOf(definition: ProviderDefinition): Array<[string, Request]> {
  const found: Array<[string, Request]> = [['check', definition.check.request]];
  for (const method of definition.methods) {
    if (method.check) found.push([`${method.type}.check`, method.check.request]);
    if (method.type !== 'oauth2') continue;
    found.push([`${method.type}.authorizeUrl`, { url: method.authorizeUrl }]);
    found.push([`${method.type}.tokenUrl`, { url: method.tokenUrl }]);
    if (method.revoke) found.push([`${method.type}.revoke`, method.revoke]);
    for (const step of method.afterConnect ?? [])
      found.push([`${method.type}.afterConnect`, step.request]);
  }
  for (const step of definition.setup ?? []) {
    if (step.options) found.push([`setup.${step.key}.options`, step.options.request]);
    if (step.verification)
      found.push([`setup.${step.key}.verification`, step.verification.request]);
  }
  return found;
}

describe('provider definitions', () => {
  it('loads every file of the definitions folder, each valid against the schema', () => {
    const folder = fileURLToPath(new URL('./definitions/', import.meta.url));
    const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
    assert.deepEqual(
      files.map((file) => file.slice(0, -5)).sort(),
      [...providerDefinitions.keys()].sort(),
    );
  });

  it('covers the 43 services of the issue, both ways where the service offers both', () => {
    assert.deepEqual(
      ISSUE_KEYS.filter((key) => !providerDefinitions.has(key)),
      [],
    );
    for (const key of SERVICES_BOTH_WAYS) {
      const types = providerDefinitions.get(key)!.methods.map((method) => method.type);
      assert.ok(
        types.includes('oauth2') && types.length > 1,
        `${key} offers OAuth and a key: ${types.join(', ')}`,
      );
    }
  });

  it('refuses a broken definition with every problem named', () => {
    const slack = providerDefinitions.get('slack')!;
    const broken = { ...slack, hosts: [], methods: [{ ...slack.methods[0], pkce: 'yes' }] };
    assert.throws(
      () => parseProviderDefinition(broken, 'broken.json'),
      (error: unknown) =>
        error instanceof InvalidProviderDefinitionError &&
        error.problems.some((problem) => problem.startsWith('/hosts')) &&
        error.message.includes('broken.json'),
    );
  });

  for (const [key, definition] of providerDefinitions) {
    it(`${key}: presents a contract-valid app without the server's secrets`, () => {
      const app = appFromDefinition(definition, withClient);
      assert.ok(app);
      assert.deepEqual(contractViolations('getApp', 200, 'application/json', app), []);
      assert.ok(
        app.categories.length > 0 && app.popularity > 0,
        'a listing from the definition or the demo catalog',
      );
      const text = JSON.stringify(app);
      for (const method of definition.methods) {
        if (method.type === 'oauth2')
          assert.ok(!text.includes(method.tokenUrl), 'no token URL in the catalog');
      }
      assert.ok(
        !text.includes('CLIENT-SECRET-VALUE') && !text.includes('"sign"'),
        'no signing or client secret',
      );
    });

    it(`${key}: takes select options from the service, and checks only a select's choice`, () => {
      for (const step of definition.setup ?? []) {
        const select = step.type === 'select' || step.type === 'multi_select';
        assert.equal(Boolean(step.options), select, `${step.key}: options only for selects`);
        if (step.verification)
          assert.equal(step.type, 'select', `${step.key}: one choice to check`);
      }
      const text = JSON.stringify(appFromDefinition(definition, withClient));
      assert.ok(!text.includes('"options":{"request"'), 'no option request in the catalog');
    });

    it(`${key}: every fixed URL is on one of its hosts`, () => {
      for (const [where, request] of requestsOf(definition)) {
        if (request.url.startsWith('{')) continue; // an origin from the service or the user, checked at call time
        const sample = new URL(request.url.replace(/\{[^}]+\}/g, 'sample'));
        if (sample.hostname === 'sample') continue; // a whole host from a setting or a choice, checked at call time
        assert.doesNotThrow(
          () => assertAllowedHost(sample, definition.hosts),
          `${where}: ${request.url}`,
        );
      }
    });
  }

  it('presents the setup steps of the issue’s services, with the webhook step last', () => {
    const steps = (key: string) =>
      appFromDefinition(providerDefinitions.get(key)!, withClient)!.setupSteps.map((step) => [
        step.key,
        step.type,
        Boolean(step.verification),
      ]);
    assert.deepEqual(steps('slack'), [['channel', 'select', true]]);
    assert.deepEqual(steps('pipedrive'), [
      ['pipeline', 'select', false],
      ['webhook', 'webhook_url', false],
    ]);
    assert.deepEqual(steps('google-sheets'), [['spreadsheet', 'select', false]]);
    assert.deepEqual(steps('github'), [['repository', 'select', false]]);
    assert.deepEqual(steps('notion'), [['database', 'select', false]]);
    assert.deepEqual(steps('trello'), [['board', 'select', false]]);
  });

  it('offers OAuth only with client credentials, and drops an app left with no method', () => {
    const hubspot = providerDefinitions.get('hubspot')!;
    const salesforce = providerDefinitions.get('salesforce')!;
    const keyOnly = appFromDefinition(hubspot, { settings: {} })!;
    assert.deepEqual(keyOnly.authTypes, ['token']);
    assert.deepEqual(appFromDefinition(hubspot, withClient)!.authTypes, ['oauth2', 'token']);
    assert.equal(appFromDefinition(salesforce, { settings: {} }), null);
  });
});
