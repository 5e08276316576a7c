// The host's configuration of real providers: PB_PROVIDERS_FILE names a JSON file
// `{ "<app key>": { "clientId": "…", "clientSecret": "…", "scopes": ["…"], "<setting>": "…" } }`.
// Listed apps are offered for real; OAuth needs the client credentials, keys need nothing.
import { readFileSync } from 'node:fs';
import type { ProviderDefinition } from '@plugboard/contract/provider-definition';

export interface HostAppConfig {
  clientId?: string;
  clientSecret?: string;
  /** Scopes asked for besides the definition's. */
  scopes?: string[];
  /** The definition's settings (tenant, login domain…), defaults filled in. */
  settings: Record<string, string>;
}

export type HostProviders = ReadonlyMap<string, HostAppConfig>;

export class HostConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostConfigError';
  }
}

const KNOWN = new Set(['clientId', 'clientSecret', 'scopes']);

function appConfig(
  key: string,
  raw: unknown,
  definition: ProviderDefinition | undefined,
): HostAppConfig {
  if (!definition) throw new HostConfigError(`“${key}” is not an app with a provider definition.`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new HostConfigError(`“${key}” must be an object.`);
  }
  const entry = raw as Record<string, unknown>;
  const config: HostAppConfig = { settings: {} };
  for (const name of ['clientId', 'clientSecret'] as const) {
    const value = entry[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new HostConfigError(`${key}.${name} must be a non-empty string.`);
    }
    config[name] = value;
  }
  if (Boolean(config.clientId) !== Boolean(config.clientSecret)) {
    throw new HostConfigError(`${key} needs both clientId and clientSecret, or neither.`);
  }
  if (entry.scopes !== undefined) {
    if (!Array.isArray(entry.scopes) || !entry.scopes.every((s) => typeof s === 'string')) {
      throw new HostConfigError(`${key}.scopes must be a list of strings.`);
    }
    config.scopes = entry.scopes as string[];
  }
  const declared = definition.settings ?? {};
  for (const [name, value] of Object.entries(entry)) {
    if (KNOWN.has(name)) continue;
    const setting = declared[name];
    if (!setting)
      throw new HostConfigError(`${key}.${name} is not a setting of ${definition.name}.`);
    if (typeof value !== 'string') throw new HostConfigError(`${key}.${name} must be a string.`);
    if (setting.pattern && !new RegExp(`^(?:${setting.pattern})$`, 'u').test(value)) {
      throw new HostConfigError(`${key}.${name}: ${setting.description}`);
    }
    config.settings[name] = value;
  }
  for (const [name, setting] of Object.entries(declared)) {
    if (config.settings[name] !== undefined) continue;
    if (setting.default === undefined) {
      throw new HostConfigError(`${key}.${name} is required: ${setting.description}`);
    }
    config.settings[name] = setting.default;
  }
  return config;
}

/** Checks the host's providers object against the definitions; throws HostConfigError. */
export function parseHostProviders(
  raw: unknown,
  definitions: ReadonlyMap<string, ProviderDefinition>,
): HostProviders {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new HostConfigError('The providers file must hold one JSON object keyed by app.');
  }
  return new Map(
    Object.entries(raw).map(([key, entry]) => [key, appConfig(key, entry, definitions.get(key))]),
  );
}

export function readHostProvidersFile(
  path: string,
  definitions: ReadonlyMap<string, ProviderDefinition>,
): HostProviders {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HostConfigError(
      `PB_PROVIDERS_FILE ${path} could not be read as JSON: ${(error as Error).message}`,
    );
  }
  return parseHostProviders(raw, definitions);
}

/** OAuth is offered only with the host's client credentials. */
export function hasClient(config: HostAppConfig): config is HostAppConfig & {
  clientId: string;
  clientSecret: string;
} {
  return Boolean(config.clientId && config.clientSecret);
}
