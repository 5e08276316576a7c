// The session token, in memory only (never storage, cookies or URLs). After a 401 the token is
// refreshed once for everyone: concurrent callers share one fetchSessionToken() call.
import { assertSessionToken, type TokenSourceOptions } from './config.js';
import { PlugboardError } from './errors.js';

export class SessionTokens {
  #token: string | undefined;
  readonly #fetchToken: (() => Promise<string>) | undefined;
  #pending: Promise<string> | undefined;

  constructor(source: TokenSourceOptions) {
    this.#token = source.sessionToken;
    this.#fetchToken = source.fetchSessionToken;
  }

  /** The token to send now, fetching the first one when only fetchSessionToken was given. */
  current(): Promise<string> {
    return this.#token !== undefined ? Promise.resolve(this.#token) : this.#fetchShared();
  }

  /**
   * Called after `rejectedToken` got a 401. When another request already replaced that token,
   * the new one is returned without another fetch; otherwise one shared fetch runs.
   */
  refresh(rejectedToken: string, requestId?: string): Promise<string> {
    if (this.#token !== undefined && this.#token !== rejectedToken) {
      return Promise.resolve(this.#token);
    }
    if (!this.#fetchToken) {
      return Promise.reject(
        new PlugboardError('session_expired', 'The session has expired.', { requestId }),
      );
    }
    this.#token = undefined;
    return this.#fetchShared();
  }

  #fetchShared(): Promise<string> {
    const fetchToken = this.#fetchToken;
    if (!fetchToken) {
      return Promise.reject(new PlugboardError('session_expired', 'No session token.'));
    }
    this.#pending ??= (async () => {
      let token: unknown;
      try {
        token = await fetchToken();
      } catch (cause) {
        throw new PlugboardError('session_expired', 'Could not get a new session token.', {
          cause,
        });
      }
      assertSessionToken(token);
      this.#token = token;
      return token;
    })().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }
}
