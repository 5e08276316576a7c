// The command line of `providers check`: flags first, then the environment (PB_CHECK_CLIENT_ID,
// PB_CHECK_CLIENT_SECRET, PB_CHECK_ACCESS_TOKEN, PB_CHECK_REFRESH_TOKEN, PB_CHECK_FIELD_<NAME>),
// then the app's entry in PB_PROVIDERS_FILE.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AuthType } from '@plugboard/contract';
import { runProviderCheck, type CheckIo } from './provider-check.js';

const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8789/callback';
const BROWSER_WAIT_MS = 5 * 60 * 1000;

function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const separator = value.indexOf('=');
    if (separator < 1) throw new Error(`--${flag} takes name=value, not “${value}”.`);
    out[value.slice(0, separator)] = value.slice(separator + 1);
  }
  return out;
}

function providersFileEntry(env: NodeJS.ProcessEnv, app: string): Record<string, unknown> {
  if (!env.PB_PROVIDERS_FILE) return {};
  const file = JSON.parse(readFileSync(env.PB_PROVIDERS_FILE, 'utf8')) as Record<string, unknown>;
  const entry = file[app];
  return entry && typeof entry === 'object' ? { ...(entry as Record<string, unknown>) } : {};
}

export async function providerCheckCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  usage: string,
  io: CheckIo = { print: (line) => process.stdout.write(`${line}\n`) },
): Promise<boolean> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      method: { type: 'string' },
      field: { type: 'string', multiple: true },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      setting: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      'access-token': { type: 'string' },
      'refresh-token': { type: 'string' },
      'redirect-uri': { type: 'string' },
      revoke: { type: 'boolean' },
    },
  });
  const app = positionals[0];
  if (!app || positionals.length > 1) throw new Error(usage);
  const host = { ...providersFileEntry(env, app), ...pairs(values.setting, 'setting') };
  const clientId = values['client-id'] ?? env.PB_CHECK_CLIENT_ID;
  const clientSecret = values['client-secret'] ?? env.PB_CHECK_CLIENT_SECRET;
  if (clientId) host.clientId = clientId;
  if (clientSecret) host.clientSecret = clientSecret;
  if (values.scope) host.scopes = values.scope;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('PB_CHECK_FIELD_') && value)
      fields[name.slice('PB_CHECK_FIELD_'.length)] = value;
  }
  Object.assign(fields, pairs(values.field, 'field'));
  return runProviderCheck(
    {
      app,
      method: values.method as AuthType | undefined,
      fields,
      host,
      accessToken: values['access-token'] ?? env.PB_CHECK_ACCESS_TOKEN,
      refreshToken: values['refresh-token'] ?? env.PB_CHECK_REFRESH_TOKEN,
      redirectUri: values['redirect-uri'] ?? DEFAULT_REDIRECT_URI,
      revoke: values.revoke ?? false,
      waitMs: BROWSER_WAIT_MS,
    },
    io,
  );
}
