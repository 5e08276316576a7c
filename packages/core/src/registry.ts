// Page-wide configuration and the shared clients. Precedence, highest first: the overrides an
// element passes (its attributes), then configure(), then the script tag's data attributes
// (setScriptDefaults). Every element resolving to the same backend and token source gets the same
// client, so they share one catalog, one connection list and one token refresh.
import { clientFromResolved, updatePresentation, type PlugboardClient } from './client.js';
import {
  mergeOptions,
  resolveOptions,
  resolvePresentation,
  validatePartialOptions,
  type PlugboardOptions,
} from './config.js';

interface SharedClient {
  readonly client: PlugboardClient;
  /** The overrides it was created with, re-applied when the page configuration changes. */
  readonly overrides: Partial<PlugboardOptions> | undefined;
}

let globalOptions: Partial<PlugboardOptions> = {};
let scriptDefaults: Partial<PlugboardOptions> = {};
/** backendUrl → token source (string or function) → fetch override → client. */
const clients = new Map<string, Map<unknown, Map<unknown, SharedClient>>>();
const configListeners = new Set<() => void>();

/**
 * Sets page-wide options, merged into the previous ones (pass `undefined` to unset one).
 * Validates at once: a bad value throws ConfigError here. Calling it again with a new locale,
 * theme or messages updates the shared clients.
 */
export function configure(options: Partial<PlugboardOptions>): void {
  validatePartialOptions(options);
  globalOptions = { ...globalOptions, ...options };
  pageConfigurationChanged();
}

/** For the script-tag bundle: options read from its own `data-*` attributes (lowest precedence). */
export function setScriptDefaults(options: Partial<PlugboardOptions>): void {
  validatePartialOptions(options);
  scriptDefaults = { ...options };
  pageConfigurationChanged();
}

/** Called after configure() / setScriptDefaults(): elements re-resolve their client. */
export function onConfigChange(listener: () => void): () => void {
  configListeners.add(listener);
  return () => configListeners.delete(listener);
}

/** The shared client for the resolved configuration. Throws ConfigError when it is incomplete. */
export function getClient(overrides?: Partial<PlugboardOptions>): PlugboardClient {
  const options = mergeOptions(overrides, globalOptions, scriptDefaults);
  const { config, token } = resolveOptions(options);
  const byFetch = nestedMap(
    nestedMap(clients, config.backendUrl.href),
    token.fetchSessionToken ?? token.sessionToken,
  );
  let shared = byFetch.get(options.fetch);
  if (!shared) {
    shared = { client: clientFromResolved(config, token), overrides };
    byFetch.set(options.fetch, shared);
  }
  return shared.client;
}

/** Forgets configure(), the script defaults and every shared client (tests, SPA teardown). */
export function resetConfiguration(): void {
  globalOptions = {};
  scriptDefaults = {};
  clients.clear();
  pageConfigurationChanged();
}

function pageConfigurationChanged(): void {
  for (const byToken of clients.values()) {
    for (const byFetch of byToken.values()) {
      for (const { client, overrides } of byFetch.values()) {
        updatePresentation(
          client,
          resolvePresentation(mergeOptions(overrides, globalOptions, scriptDefaults)),
        );
      }
    }
  }
  for (const listener of [...configListeners]) listener();
}

function nestedMap<K, V>(outer: Map<K, Map<unknown, V>>, key: K): Map<unknown, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
