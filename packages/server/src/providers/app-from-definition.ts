// The catalog entry of a real service: what the user sees of its definition (names, help, fields,
// scopes, setup steps) and nothing the server keeps to itself (URLs, signing, client secrets).
// Popularity, aliases and categories come from the definition's listing, else from the demo
// catalog's entry of the same key.
import type { App, AuthMethod, SetupStep } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import type {
  Method,
  ProviderDefinition,
  SetupStep as DefinitionSetupStep,
} from '@plugboard/contract/provider-definition';
import { hasClient, type HostAppConfig } from './host-config.js';

function presentMethod(definition: ProviderDefinition, method: Method): AuthMethod {
  const shown: AuthMethod = {
    type: method.type,
    label: method.label,
    helpUrl: method.helpUrl ?? null,
    fields: method.type === 'oauth2' ? [] : method.fields,
    scopes: method.type === 'oauth2' ? method.scopes : [],
  };
  shown.helpText =
    method.helpText ??
    (method.type === 'oauth2'
      ? `You sign in to ${definition.name} in a secure window and choose what to share. We never see your password.`
      : undefined);
  if (shown.helpText === undefined) delete shown.helpText;
  return shown;
}

/** A definition's setup step as the user sees it: no requests, only whether it can be checked. */
function presentSetupStep(step: DefinitionSetupStep): SetupStep {
  const { options: _source, verification, ...shown } = step;
  const presented = { ...shown } as SetupStep;
  if (verification) presented.verification = { label: verification.label };
  return presented;
}

function setupSteps(definition: ProviderDefinition): SetupStep[] {
  const steps = (definition.setup ?? []).map(presentSetupStep);
  const { webhook } = definition;
  if (!webhook) return steps;
  const step: SetupStep = {
    key: 'webhook',
    type: 'webhook_url',
    title: webhook.title,
    required: false,
    instructions: webhook.instructions,
    helpUrl: webhook.helpUrl ?? null,
  };
  if (webhook.verification) step.verification = { label: webhook.verification.label };
  return [...steps, step];
}

function listingOf(definition: ProviderDefinition) {
  const demo = demoCatalog.find((app) => app.key === definition.key);
  const listing = definition.listing ?? demo;
  if (!listing)
    throw new Error(`${definition.key} needs a listing: it is not in the demo catalog.`);
  return {
    categories: listing.categories,
    aliases: listing.aliases ?? [],
    popularity: listing.popularity,
  };
}

/** The app as offered with this host configuration, or null when no method is usable. */
export function appFromDefinition(definition: ProviderDefinition, host: HostAppConfig): App | null {
  const methods = definition.methods.filter(
    (method) => method.type !== 'oauth2' || hasClient(host),
  );
  if (methods.length === 0) return null;
  const authMethods = methods.map((method) => presentMethod(definition, method));
  return {
    key: definition.key,
    name: definition.name,
    logoUrl: null,
    ...listingOf(definition),
    description: definition.description,
    health: { status: 'operational' },
    authTypes: [...new Set(authMethods.map((method) => method.type))],
    helpUrl: definition.helpUrl,
    authMethods,
    setupSteps: setupSteps(definition),
  };
}
