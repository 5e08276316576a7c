// Options, their validation, and the resolved configuration a client runs with. Validation runs
// when options are given (configure / getClient), so a bad setup fails at once with a ConfigError
// instead of as a confusing network error later.
import { ConfigError } from './errors.js';
import { isAllowedUrl } from './url-policy.js';
import type { Messages } from './messages/index.js';

/** Per-key message overrides, in any locale. */
export type MessageOverrides = Partial<Messages>;

export type Theme = 'light' | 'dark' | 'auto';

export interface PlugboardOptions {
  /** The backend that implements the Connect API, e.g. `https://api.example.com`. */
  backendUrl: string;
  /** A session token minted by the host's backend. Kept in memory only. */
  sessionToken?: string;
  /** Called when there is no token yet and after a 401, to get a fresh session token. */
  fetchSessionToken?: () => Promise<string>;
  /** BCP 47 locale, e.g. 'pt-BR'. Defaults to the document's language, then 'en'. */
  locale?: string;
  /** Per-key message overrides. */
  messages?: MessageOverrides;
  theme?: Theme;
  /** A fetch implementation (tests, instrumentation). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request timeout. Default 15000 ms. */
  timeoutMs?: number;
  /** How long an OAuth flow may take before it ends with `timeout`. Default 5 minutes. */
  oauthTimeoutMs?: number;
}

/** The configuration a client runs with. The session token is deliberately not part of it. */
export interface ResolvedConfig {
  readonly backendUrl: URL;
  readonly locale: string;
  readonly theme: Theme;
  readonly messages: MessageOverrides;
  readonly timeoutMs: number;
  readonly oauthTimeoutMs: number;
  readonly fetch: typeof fetch;
}

export interface TokenSourceOptions {
  readonly sessionToken: string | undefined;
  readonly fetchSessionToken: (() => Promise<string>) | undefined;
}

const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_OAUTH_TIMEOUT_MS = 5 * 60_000;

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** Secret keys (`sk_…`) belong on the host's server; a browser must never hold one. */
function looksLikeSecretKey(value: string): boolean {
  return /^sk_/i.test(value.trim());
}

/** Merges option layers, highest precedence first; `undefined` never hides a lower layer. */
export function mergeOptions(
  ...layers: readonly (Partial<PlugboardOptions> | undefined)[]
): Partial<PlugboardOptions> {
  const merged: Record<string, unknown> = {};
  for (const layer of [...layers].reverse()) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) merged[key] = value;
    }
  }
  return merged as Partial<PlugboardOptions>;
}

/** Checks the fields that are present (configure() may set only some of them). */
export function validatePartialOptions(options: Partial<PlugboardOptions>): void {
  if (options.backendUrl !== undefined) parseBackendUrl(options.backendUrl);
  if (options.sessionToken !== undefined) assertSessionToken(options.sessionToken);
  if (options.fetchSessionToken !== undefined && typeof options.fetchSessionToken !== 'function') {
    throw new ConfigError('fetchSessionToken must be a function that returns a Promise<string>.');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigError('fetch must be a function.');
  }
  if (options.locale !== undefined) canonicalLocale(options.locale);
  if (options.theme !== undefined && !THEMES.includes(options.theme)) {
    throw new ConfigError(`theme must be one of ${THEMES.join(', ')}.`);
  }
  assertPositive('timeoutMs', options.timeoutMs);
  assertPositive('oauthTimeoutMs', options.oauthTimeoutMs);
}

/** Validates complete options and resolves defaults. Throws ConfigError. */
export function resolveOptions(options: Partial<PlugboardOptions>): {
  config: ResolvedConfig;
  token: TokenSourceOptions;
} {
  validatePartialOptions(options);
  if (options.backendUrl === undefined) {
    throw new ConfigError(
      'backendUrl is required: pass it to configure({ backendUrl }) or set the backend-url attribute.',
    );
  }
  if (options.sessionToken === undefined && options.fetchSessionToken === undefined) {
    throw new ConfigError('A session token is required: pass sessionToken or fetchSessionToken.');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new ConfigError('No fetch implementation: pass options.fetch.');
  }
  return {
    config: {
      backendUrl: parseBackendUrl(options.backendUrl),
      ...resolvePresentation(options),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      oauthTimeoutMs: options.oauthTimeoutMs ?? DEFAULT_OAUTH_TIMEOUT_MS,
      // Bound so that a global fetch is not called with a foreign `this` ("Illegal invocation").
      fetch: options.fetch ?? fetchImpl.bind(globalThis),
    },
    token: { sessionToken: options.sessionToken, fetchSessionToken: options.fetchSessionToken },
  };
}

/** The settings that may change while a client lives (configure() again to switch locale). */
export type PresentationSettings = Pick<ResolvedConfig, 'locale' | 'theme' | 'messages'>;

export function resolvePresentation(options: Partial<PlugboardOptions>): PresentationSettings {
  return {
    locale: canonicalLocale(options.locale ?? documentLocale()),
    theme: options.theme ?? 'auto',
    messages: options.messages ?? {},
  };
}

/** Parses the backend URL into a base that always ends with '/', so relative paths resolve under it. */
export function parseBackendUrl(value: unknown): URL {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError('backendUrl must be a non-empty URL string.');
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`backendUrl is not a valid absolute URL: "${value}".`);
  }
  if (!isAllowedUrl(url)) {
    throw new ConfigError(
      `backendUrl must use https (http is allowed only on localhost): "${url.origin}".`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigError('backendUrl must not contain credentials.');
  }
  if (/[?&=]sk_/i.test(url.search)) {
    throw new ConfigError('backendUrl must not carry a secret key.');
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

export function assertSessionToken(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError('The session token must be a non-empty string.');
  }
  if (looksLikeSecretKey(value)) {
    throw new ConfigError(
      'The session token looks like a secret key (sk_…). Secret keys stay on your server: mint a ' +
        'session token with POST /v1/sessions and pass that instead.',
    );
  }
}

function assertPositive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new ConfigError(`${name} must be a positive number of milliseconds.`);
  }
}

function canonicalLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical) return canonical;
  } catch {
    // fall through to the error below
  }
  throw new ConfigError(
    `locale must be a BCP 47 language tag such as "en" or "pt-BR": "${locale}".`,
  );
}

/** Read at resolve time, never at import time, so importing core stays SSR-safe. */
function documentLocale(): string {
  const lang = globalThis.document?.documentElement?.lang;
  return lang && lang.trim() !== '' ? lang : 'en';
}
