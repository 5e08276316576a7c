// Reads a token endpoint's answer where the definition says its fields are (Slack's
// `authed_user.access_token`, Salesforce's `instance_url`…), and what counts as a refusal.
import type { TokenResponse } from '@plugboard/contract/provider-definition';
import type { TokenResult } from '../provider/provider-client.js';
import type { ServiceAnswer } from './service-request.js';
import { holds, readPath } from './templates.js';

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  return typeof value === 'number' ? String(value) : null;
}

/** The granted scopes, or null when the answer does not say. */
function scopesOf(value: unknown, separator: string): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return null;
  return value.split(separator === ',' ? /[,\s]+/ : /\s+/).filter(Boolean);
}

export interface ReadTokenOptions {
  now: number;
  /** Scopes to assume when the answer does not list any (the service granted what was asked). */
  assumedScopes: string[];
}

export function readTokenAnswer(
  answer: ServiceAnswer,
  shape: TokenResponse = {},
  options: ReadTokenOptions,
): TokenResult {
  const { status, body } = answer;
  if (status >= 500 || body === null || typeof body !== 'object') {
    return { outcome: 'unreachable', detail: `The service answered ${status}.` };
  }
  const accessToken = text(readPath(body, shape.accessToken ?? 'access_token'));
  const accepted = (shape.success ?? []).every((condition) => holds(body, condition));
  if (status >= 400 || !accepted || !accessToken) {
    const error = text(readPath(body, shape.error ?? 'error'));
    return { outcome: 'rejected', error: error ?? 'invalid_grant' };
  }
  const expiresIn = Number(readPath(body, shape.expiresIn ?? 'expires_in'));
  const scopes = scopesOf(readPath(body, shape.scope ?? 'scope'), shape.scopeSeparator ?? ' ');
  const context: Record<string, string> = {};
  for (const [name, path] of Object.entries(shape.context ?? {})) {
    const value = text(readPath(body, path));
    if (value !== null) context[name] = value;
  }
  return {
    outcome: 'ok',
    tokens: {
      accessToken,
      refreshToken: text(readPath(body, shape.refreshToken ?? 'refresh_token')),
      expiresAt:
        Number.isFinite(expiresIn) && expiresIn > 0 ? options.now + expiresIn * 1000 : null,
      scopes: scopes ?? options.assumedScopes,
      context,
    },
  };
}
