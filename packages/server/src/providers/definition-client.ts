// The one generic engine: a provider definition (data) plus the host's configuration become a
// ProviderClient. Authorize URLs, code exchange, refresh, revocation, the account check and request
// signing are all read from the definition; there is no code per service.
import type { App, AuthMethod, AuthType, SetupOption } from '@plugboard/contract';
import type {
  AccountCheck,
  CredentialMethod,
  Method,
  OAuthMethod,
  ProviderDefinition,
  Request,
  SetupStep,
  Signing,
  TokenResponse,
} from '@plugboard/contract/provider-definition';
import type {
  AuthorizeRequest,
  ChoiceCheck,
  OptionsPage,
  OptionsPageRequest,
  ProviderClient,
  ProviderCredential,
  RevokeResult,
  ServiceOutcome,
  TokenResult,
  TokenSet,
  WhoAmIResult,
} from '../provider/provider-client.js';
import { hasClient, type HostAppConfig } from './host-config.js';
import { assertAllowedHost } from './host-guard.js';
import type { OutboundFetch } from './outbound-fetch.js';
import {
  callService,
  clientBasicAuthorization,
  send,
  UnreachableError,
  type RequestContext,
  type ServiceAnswer,
} from './service-request.js';
import {
  choiceValues,
  isRejection,
  optionsRequest,
  readOptions,
  readVerification,
} from './setup-requests.js';
import { checkedSecretField } from '../connections/stored-credentials.js';
import { readTokenAnswer } from './token-answer.js';
import {
  holds,
  readPath,
  renderFromAnswer,
  renderMap,
  renderUrl,
  type TemplateValues,
} from './templates.js';

const BEARER: Signing = { headers: { Authorization: 'Bearer {accessToken}' } };

export interface DefinitionClientOptions {
  definition: ProviderDefinition;
  /** The app as the catalog presents it: its methods' fields and scopes. */
  app: App;
  host: HostAppConfig;
  fetch: OutboundFetch;
  now: () => number;
}

export class DefinitionClient implements ProviderClient {
  constructor(private readonly options: DefinitionClientOptions) {}

  authorizeUrl({ state, codeChallenge, redirectUri }: AuthorizeRequest): string {
    const method = this.oauth();
    const client = this.client();
    const url = renderUrl(method.authorizeUrl, this.baseValues());
    const params = url.searchParams;
    params.set('response_type', 'code');
    params.set('client_id', client.id);
    params.set('redirect_uri', redirectUri);
    const scopes = this.requestedScopes();
    if (method.scopeParam !== null && scopes.length > 0) {
      params.set(method.scopeParam ?? 'scope', scopes.join(method.scopeSeparator ?? ' '));
    }
    params.set('state', state);
    if (method.pkce) {
      params.set('code_challenge', codeChallenge);
      params.set('code_challenge_method', 'S256');
    }
    for (const [name, value] of Object.entries(
      renderMap(method.authorizeParams, this.baseValues()),
    )) {
      params.set(name, value);
    }
    assertAllowedHost(url, this.options.definition.hosts);
    return url.toString();
  }

  async exchangeCode(
    code: string,
    codeVerifier: string,
    redirectUri: string,
  ): Promise<TokenResult> {
    const method = this.oauth();
    const params: Record<string, string> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
    };
    if (method.pkce) params.code_verifier = codeVerifier;
    const result = await this.tokenRequest(
      method,
      params,
      method.tokenResponse,
      this.assumedScopes(),
    );
    if (result.outcome !== 'ok') return result;
    try {
      for (const step of method.afterConnect ?? []) {
        const answer = await callService(step.request, this.oauthContext(result.tokens));
        if (answer.status < 200 || answer.status >= 300 || answer.body === null) {
          return { outcome: 'unreachable', detail: `The service answered ${answer.status}.` };
        }
        for (const [name, path] of Object.entries(step.context)) {
          const value = readPath(answer.body, path);
          if (typeof value === 'string' || typeof value === 'number') {
            result.tokens.context = { ...result.tokens.context, [name]: String(value) };
          }
        }
      }
    } catch (error) {
      if (error instanceof UnreachableError)
        return { outcome: 'unreachable', detail: error.detail };
      throw error;
    }
    return result;
  }

  async refresh(tokens: TokenSet): Promise<TokenResult> {
    const method = this.oauth();
    if (!tokens.refreshToken || method.refresh.mode === 'none') {
      return { outcome: 'rejected', error: 'no_refresh_token' };
    }
    const result = await this.tokenRequest(
      method,
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken },
      method.refresh.response ?? method.tokenResponse,
      tokens.scopes,
    );
    if (result.outcome !== 'ok') return result;
    return {
      outcome: 'ok',
      tokens: {
        ...result.tokens,
        refreshToken: result.tokens.refreshToken ?? tokens.refreshToken,
        context: { ...tokens.context, ...result.tokens.context },
      },
    };
  }

  async whoAmI(credential: ProviderCredential): Promise<WhoAmIResult> {
    const { definition } = this.options;
    const method = this.mechanics(credential.type === 'oauth' ? 'oauth2' : credential.method);
    const check: AccountCheck = method.check ?? definition.check;
    let answer: ServiceAnswer;
    try {
      answer = await callService(check.request, this.credentialContext(credential));
    } catch (error) {
      if (error instanceof UnreachableError)
        return { outcome: 'unreachable', detail: error.detail };
      throw error;
    }
    return readAccount(check, answer);
  }

  async revoke(credential: ProviderCredential): Promise<RevokeResult> {
    if (credential.type !== 'oauth') return { outcome: 'not_supported' };
    const { revoke } = this.oauth();
    if (!revoke) return { outcome: 'not_supported' };
    try {
      const answer = await callService(revoke, this.oauthContext(credential.tokens));
      if (answer.status >= 200 && answer.status < 300) return { outcome: 'revoked' };
      return { outcome: 'failed', detail: `The service answered ${answer.status}.` };
    } catch (error) {
      if (error instanceof UnreachableError) return { outcome: 'failed', detail: error.detail };
      throw error;
    }
  }

  async setupOptions(
    stepKey: string,
    credential: ProviderCredential,
    page: OptionsPageRequest,
  ): Promise<ServiceOutcome<OptionsPage>> {
    const source = this.setupStep(stepKey).options;
    if (!source) throw new Error(`${this.options.app.key}: step ${stepKey} has no options.`);
    const { request, values } = optionsRequest(source, page);
    return this.ask(credential, request, values, (answer) => readOptions(source, page, answer));
  }

  async verifyChoice(
    stepKey: string,
    credential: ProviderCredential,
    choice: SetupOption,
  ): Promise<ServiceOutcome<ChoiceCheck>> {
    const verification = this.setupStep(stepKey).verification;
    if (!verification) throw new Error(`${this.options.app.key}: step ${stepKey} has no check.`);
    return this.ask(credential, verification.request, choiceValues(choice), (answer) =>
      readVerification(verification, choice, answer),
    );
  }

  /** A setup call as the connection: refused credentials and failures read the same everywhere. */
  private async ask<T>(
    credential: ProviderCredential,
    request: Request,
    extraValues: TemplateValues,
    read: (answer: ServiceAnswer) => ServiceOutcome<T>,
  ): Promise<ServiceOutcome<T>> {
    const method = this.mechanics(credential.type === 'oauth' ? 'oauth2' : credential.method);
    const context = this.credentialContext(credential);
    let answer: ServiceAnswer;
    try {
      answer = await callService(request, {
        ...context,
        values: { ...context.values, ...extraValues },
      });
    } catch (error) {
      if (error instanceof UnreachableError)
        return { outcome: 'unreachable', detail: error.detail };
      throw error;
    }
    if (isRejection(method.check ?? this.options.definition.check, answer)) {
      return { outcome: 'rejected' };
    }
    return read(answer);
  }

  private setupStep(key: string): SetupStep {
    const step = this.options.definition.setup?.find((candidate) => candidate.key === key);
    if (!step) throw new Error(`${this.options.definition.key} has no setup step ${key}.`);
    return step;
  }

  private async tokenRequest(
    method: OAuthMethod,
    params: Record<string, string>,
    shape: TokenResponse | undefined,
    assumedScopes: string[],
  ): Promise<TokenResult> {
    const client = this.client();
    const { definition, fetch, now } = this.options;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...renderMap(definition.headers, this.baseValues()),
    };
    const fields = { ...params };
    if (method.clientAuth === 'basic') {
      headers.Authorization = clientBasicAuthorization(client);
    } else {
      fields.client_id = client.id;
      fields.client_secret = client.secret;
    }
    let body: string | undefined;
    const url = renderUrl(method.tokenUrl, this.baseValues());
    if (method.tokenBody === 'json') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(fields);
    } else if (method.tokenBody === 'query') {
      for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(fields).toString();
    }
    let answer: ServiceAnswer;
    try {
      assertAllowedHost(url, definition.hosts);
      answer = await send(fetch, url, { method: 'POST', headers, body });
    } catch (error) {
      if (error instanceof UnreachableError)
        return { outcome: 'unreachable', detail: error.detail };
      throw error;
    }
    return readTokenAnswer(answer, shape, { now: now(), assumedScopes });
  }

  private oauth(): OAuthMethod {
    return this.mechanics('oauth2') as OAuthMethod;
  }

  /** How the service is spoken to for this method type (the definition's method of that type). */
  private mechanics(type: AuthType): Method {
    const method = this.options.definition.methods.find((candidate) => candidate.type === type);
    if (!method) throw new Error(`${this.options.definition.key} has no ${type} method.`);
    return method;
  }

  /** The method as the user saw it: its fields and scopes. */
  private presented(type: AuthType): AuthMethod | undefined {
    return this.options.app.authMethods.find((method) => method.type === type);
  }

  private client(): { id: string; secret: string } {
    const { host } = this.options;
    if (!hasClient(host))
      throw new Error(`${this.options.app.key} has no OAuth client configured.`);
    return { id: host.clientId, secret: host.clientSecret };
  }

  private requestedScopes(): string[] {
    const method = this.oauth();
    const shown = this.presented('oauth2')?.scopes.map((scope) => scope.name) ?? [];
    return [
      ...new Set([...(method.defaultScopes ?? []), ...shown, ...(this.options.host.scopes ?? [])]),
    ];
  }

  /** When neither the token answer nor the account check lists granted scopes, assume the asked ones. */
  private assumedScopes(): string[] {
    const check = this.oauth().check ?? this.options.definition.check;
    return check.account.scopes ? [] : this.requestedScopes();
  }

  private baseValues(): Record<string, string> {
    const { host } = this.options;
    const values: Record<string, string> = { ...host.settings };
    if (host.clientId) values.clientId = host.clientId;
    if (host.clientSecret) values.clientSecret = host.clientSecret;
    return values;
  }

  private oauthContext(tokens: TokenSet): RequestContext {
    const method = this.oauth();
    const values: Record<string, string> = {
      ...this.baseValues(),
      ...tokens.context,
      accessToken: tokens.accessToken,
    };
    if (tokens.refreshToken) values.refreshToken = tokens.refreshToken;
    return this.context(this.withApiBase(method, values), method.sign ?? BEARER);
  }

  private credentialContext(credential: ProviderCredential): RequestContext {
    if (credential.type === 'oauth') return this.oauthContext(credential.tokens);
    const method = this.mechanics(credential.method) as CredentialMethod;
    const values: Record<string, string> = { ...this.baseValues() };
    for (const [name, value] of Object.entries(credential.values)) values[name] = String(value);
    // `secret`: the field the service checks, the first secret one filled in (a field hidden by
    // another's choice, such as a password when signing in with a key, is not sent).
    const fields = this.presented(credential.method)?.fields ?? [];
    const secretField = checkedSecretField({ fields }, credential.values);
    if (values[secretField] !== undefined) values.secret = values[secretField]!;
    for (const [name, rule] of Object.entries(method.derive ?? {})) {
      const match = new RegExp(rule.pattern, 'u').exec(values[rule.from] ?? '');
      if (match?.[1]) values[name] = match[1];
    }
    return this.context(this.withApiBase(method, values), method.sign);
  }

  /** The method's `apiBase`, when it has one and its values are there, as {apiBase}. */
  private withApiBase(method: Method, values: Record<string, string>): Record<string, string> {
    if (!method.apiBase) return values;
    try {
      return { ...values, apiBase: renderUrl(method.apiBase, values).href.replace(/\/+$/, '') };
    } catch {
      // A missing value surfaces where a request uses {apiBase}, with its name.
      return values;
    }
  }

  private context(values: TemplateValues, signing: Signing | undefined): RequestContext {
    const { definition, fetch, host } = this.options;
    const client = hasClient(host) ? { id: host.clientId, secret: host.clientSecret } : null;
    return { definition, fetch, values, signing, client };
  }
}

/** What the account check's answer says: the account, a refusal, or a failure. */
function readAccount(check: AccountCheck, answer: ServiceAnswer): WhoAmIResult {
  if (isRejection(check, answer)) return { outcome: 'rejected' };
  const { status, body } = answer;
  const isObject = body !== null && typeof body === 'object';
  const statusOk = check.success?.status
    ? check.success.status.includes(status)
    : status >= 200 && status < 300;
  const accepted =
    isObject && (check.success?.when ?? []).every((condition) => holds(body, condition));
  if (!statusOk || !accepted) {
    return { outcome: 'unreachable', detail: `The service answered ${status}.` };
  }
  const id = renderFromAnswer(check.account.id, body);
  if (!id)
    return { outcome: 'unreachable', detail: 'The service did not say which account this is.' };
  const email = check.account.email ? renderFromAnswer(check.account.email, body) : null;
  const name = check.account.name ? renderFromAnswer(check.account.name, body) : null;
  const identity: WhoAmIResult & { outcome: 'ok' } = {
    outcome: 'ok',
    identity: { id, email, name, label: email ?? name ?? id },
  };
  if (check.account.scopes) {
    const scopes = readPath(body, check.account.scopes);
    if (Array.isArray(scopes)) identity.identity.scopes = scopes.map(String);
    else if (typeof scopes === 'string')
      identity.identity.scopes = scopes.split(/[\s,]+/).filter(Boolean);
  }
  return identity;
}
