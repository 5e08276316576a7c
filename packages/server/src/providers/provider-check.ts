// `plugboard-server providers check <app>`: runs one definition against the real service with
// credentials the host passes, and reports each step. Keys and tokens: the fields are checked,
// then the account check runs. OAuth: a local callback listener receives the code after the host
// opens the printed authorize URL (or --access-token skips the browser), then the code exchange,
// the account check, a refresh when there is a refresh token, and revocation with --revoke.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthType } from '@plugboard/contract';
import { validateFields } from '../connections/field-validation.js';
import { codeChallengeS256, createCodeVerifier } from '../oauth/pkce.js';
import type { ProviderClient, TokenSet, WhoAmIResult } from '../provider/provider-client.js';
import { randomToken } from '../crypto/random.js';
import { appFromDefinition } from './app-from-definition.js';
import { DefinitionClient } from './definition-client.js';
import { providerDefinitions } from './definitions/index.js';
import { parseHostProviders, type HostAppConfig } from './host-config.js';
import { createOutboundFetch, type OutboundFetch } from './outbound-fetch.js';

export interface ProviderCheckOptions {
  app: string;
  method?: AuthType;
  /** Typed fields of a key, token or basic method (names matched without regard to case). */
  fields: Record<string, string>;
  /** The app's providers-file entry: clientId, clientSecret, scopes, settings. */
  host: Record<string, unknown>;
  accessToken?: string;
  refreshToken?: string;
  /** Where the service sends the browser back; must be registered with the OAuth client. */
  redirectUri: string;
  revoke: boolean;
  /** How long to wait for the browser to come back (ms). */
  waitMs: number;
}

export interface CheckIo {
  /** One line per step. */
  print(line: string): void;
  fetch?: OutboundFetch;
  now?: () => number;
}

class ProviderCheckError extends Error {}

type Step = (ok: boolean, name: string, detail: string) => boolean;

function describeAccount(answer: WhoAmIResult): string {
  if (answer.outcome === 'ok')
    return `connected as ${answer.identity.label} (account ${answer.identity.id})`;
  if (answer.outcome === 'rejected') return 'the service refused these credentials';
  return answer.detail;
}

/** Runs the check; resolves true when every step passed. */
export async function runProviderCheck(
  options: ProviderCheckOptions,
  io: CheckIo,
): Promise<boolean> {
  const step: Step = (ok, name, detail) => {
    io.print(`${ok ? '✔' : '✖'} ${name}: ${detail}`);
    return ok;
  };
  const definition = providerDefinitions.get(options.app);
  if (!definition) throw new ProviderCheckError(`“${options.app}” has no provider definition.`);
  const host: HostAppConfig = parseHostProviders(
    { [options.app]: options.host },
    providerDefinitions,
  ).get(options.app)!;
  const app = appFromDefinition(definition, host);
  if (!app)
    throw new ProviderCheckError(`${definition.name} needs clientId and clientSecret for OAuth.`);
  const type =
    options.method ??
    (options.accessToken || host.clientId
      ? 'oauth2'
      : app.authMethods.find((m) => m.type !== 'oauth2')?.type);
  const method = app.authMethods.find((candidate) => candidate.type === type);
  if (!method) {
    throw new ProviderCheckError(
      `${definition.name} offers ${app.authTypes.join(', ')} here, not ${type ?? 'that'}.`,
    );
  }
  const client = new DefinitionClient({
    definition,
    app,
    host,
    fetch: io.fetch ?? createOutboundFetch(),
    now: io.now ?? Date.now,
  });
  step(true, 'definition', `${definition.name}, ${method.label} (${method.type})`);

  if (method.type !== 'oauth2') {
    const typed = Object.fromEntries(
      Object.entries(options.fields).map(([name, value]) => [
        method.fields.find((field) => field.name.toLowerCase() === name.toLowerCase())?.name ??
          name,
        value,
      ]),
    );
    const { values, errors } = validateFields(method, typed);
    if (
      !step(
        errors.length === 0,
        'fields',
        errors.length === 0 ? 'valid' : errors.map((e) => e.message).join(' '),
      )
    )
      return false;
    const answer = await client.whoAmI({ type: 'fields', method: method.type, values });
    return step(answer.outcome === 'ok', 'account check', describeAccount(answer));
  }

  let tokens: TokenSet;
  if (options.accessToken) {
    tokens = {
      accessToken: options.accessToken,
      refreshToken: options.refreshToken ?? null,
      expiresAt: null,
      scopes: [],
      context: {},
    };
  } else {
    const code = await authorizeInBrowser(client, options, io, step);
    if (!code) return false;
    const exchange = await client.exchangeCode(code.code, code.verifier, code.redirectUri);
    const detail =
      exchange.outcome === 'ok'
        ? `access token${exchange.tokens.refreshToken ? ' and refresh token' : ''}, scopes ${exchange.tokens.scopes.join(' ') || '(none listed)'}${Object.keys(exchange.tokens.context ?? {}).length ? `, context ${Object.keys(exchange.tokens.context ?? {}).join(', ')}` : ''}`
        : exchange.outcome === 'rejected'
          ? `refused (${exchange.error})`
          : exchange.detail;
    if (!step(exchange.outcome === 'ok', 'code exchange', detail) || exchange.outcome !== 'ok')
      return false;
    tokens = exchange.tokens;
  }
  let passed = step(...accountStep(await client.whoAmI({ type: 'oauth', tokens })));
  if (tokens.refreshToken) {
    const refreshed = await client.refresh(tokens);
    const ok = refreshed.outcome === 'ok';
    passed =
      step(
        ok,
        'refresh',
        ok
          ? `new access token${refreshed.tokens.refreshToken !== tokens.refreshToken ? ' and a new refresh token' : ', same refresh token'}`
          : refreshed.outcome === 'rejected'
            ? `refused (${refreshed.error})`
            : refreshed.detail,
      ) && passed;
    if (refreshed.outcome === 'ok') {
      tokens = refreshed.tokens;
      passed =
        step(
          ...accountStep(
            await client.whoAmI({ type: 'oauth', tokens }),
            'account check after refresh',
          ),
        ) && passed;
    }
  } else {
    io.print('– refresh: no refresh token to try');
  }
  if (options.revoke) {
    const revoked = await client.revoke({ type: 'oauth', tokens });
    passed =
      step(
        revoked.outcome !== 'failed',
        'revoke',
        revoked.outcome === 'failed' ? revoked.detail : revoked.outcome.replace('_', ' '),
      ) && passed;
  }
  return passed;
}

function accountStep(answer: WhoAmIResult, name = 'account check'): [boolean, string, string] {
  return [answer.outcome === 'ok', name, describeAccount(answer)];
}

/** Prints the authorize URL and waits for the service to send the browser back with a code. */
async function authorizeInBrowser(
  client: ProviderClient,
  options: ProviderCheckOptions,
  io: CheckIo,
  step: Step,
): Promise<{ code: string; verifier: string; redirectUri: string } | null> {
  const redirect = new URL(options.redirectUri);
  const state = randomToken(16);
  const verifier = createCodeVerifier();
  const server = createServer();
  const result = new Promise<URLSearchParams>((resolve) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirect);
      if (url.pathname !== redirect.pathname) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('You can close this window and go back to the terminal.');
      resolve(url.searchParams);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(redirect.port || 80), redirect.hostname, resolve);
  });
  // Port 0 asks for a free port (tests); a real service needs the registered one.
  const port = (server.address() as AddressInfo).port;
  redirect.port = String(port);
  const redirectUri = redirect.toString();
  try {
    const authorizeUrl = client.authorizeUrl({
      state,
      codeChallenge: codeChallengeS256(verifier),
      redirectUri,
    });
    io.print(`→ open this address in a browser and allow access (waiting on port ${port}):`);
    io.print(`  ${authorizeUrl}`);
    const timeout = new Promise<null>((resolve) =>
      setTimeout(resolve, options.waitMs, null).unref(),
    );
    const params = await Promise.race([result, timeout]);
    const code = params?.get('code');
    const problem = !params
      ? 'the browser did not come back in time'
      : params.get('state') !== state
        ? 'the state did not match'
        : !code
          ? `the service answered ${params.get('error') ?? 'without a code'}`
          : null;
    step(!problem, 'authorize', problem ?? 'code received');
    return problem || !code ? null : { code, verifier, redirectUri };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
