// Response shapes, checked at the boundary so a wrong or hostile body becomes a typed
// `malformed` error instead of a crash deep in the UI. Each schema is declared against the
// contract type, so TypeScript fails if the two drift. `v.object` drops unknown keys, which keeps
// older clients working when the backend adds fields.
import * as v from './validate.js';
import type {
  App,
  AppPage,
  AppSummary,
  Connection,
  ConnectionList,
  LiveEvent,
  LiveReady,
  DisconnectResult,
  OAuthFlow,
  OAuthFlowStart,
  Problem,
  SetupOptionPage,
  SetupStep,
  SetupVerification,
  TestResult,
} from '@plugboard/contract';

type Schema<T> = v.Schema<T>;

const text = v.string();
const optionalText = v.optional(v.string());
const nullableText = v.optional(v.nullable(v.string()));
const texts = v.array(v.string());
const authType = v.picklist(['oauth2', 'api_key', 'token', 'basic', 'custom']);
const connectionStatus = v.picklist(['connected', 'error', 'expired', 'needs_reauth']);
const oauthMode = v.picklist(['popup', 'redirect']);

const appSummaryEntries = {
  key: text,
  name: text,
  logoUrl: nullableText,
  categories: texts,
  aliases: texts,
  popularity: v.number(),
  description: text,
  health: v.object({
    status: v.picklist(['operational', 'degraded', 'down']),
    message: optionalText,
  }),
  authTypes: v.array(authType),
};

const appSummarySchema: Schema<AppSummary> = v.object(appSummaryEntries);

/** Catalog pages drop the items they cannot read (e.g. an auth type newer than this client)
 *  instead of failing the whole catalog. */
const readableAppSummaries = v.readableItems(appSummarySchema);

export const appPageSchema: Schema<AppPage> = v.object({
  items: readableAppSummaries,
  nextCursor: v.nullable(v.string()),
  total: v.number(),
});

const scalar = v.union([v.string(), v.number(), v.boolean()]);

const authFieldSchema = v.object({
  name: text,
  label: text,
  type: v.picklist([
    'text',
    'password',
    'url',
    'email',
    'select',
    'multi_select',
    'number',
    'checkbox',
    'textarea',
    'file',
  ]),
  required: v.boolean(),
  secret: v.boolean(),
  pattern: optionalText,
  patternHint: optionalText,
  placeholder: optionalText,
  helpText: optionalText,
  helpUrl: nullableText,
  minLength: v.optional(v.number()),
  maxLength: v.optional(v.number()),
  accept: optionalText,
  maxBytes: v.optional(v.number()),
  visibleWhen: v.optional(v.object({ field: text, equals: v.union([scalar, v.array(scalar)]) })),
  options: v.optional(v.array(v.object({ value: text, label: text }))),
  default: v.optional(scalar),
});

/** What every setup step has, whatever its type. */
const setupStepEntries = {
  key: text,
  title: text,
  helpText: optionalText,
  helpUrl: nullableText,
  required: v.boolean(),
  verification: v.optional(v.object({ label: text })),
};

const setupStepSchema: Schema<SetupStep> = v.union([
  v.object({ ...setupStepEntries, type: v.picklist(['select']), placeholder: optionalText }),
  v.object({
    ...setupStepEntries,
    type: v.picklist(['multi_select']),
    placeholder: optionalText,
    maxItems: v.optional(v.number()),
  }),
  v.object({
    ...setupStepEntries,
    type: v.picklist(['text']),
    placeholder: optionalText,
    pattern: optionalText,
    patternHint: optionalText,
    minLength: v.optional(v.number()),
    maxLength: v.optional(v.number()),
    default: optionalText,
  }),
  v.object({
    ...setupStepEntries,
    type: v.picklist(['checkbox']),
    default: v.optional(v.boolean()),
  }),
  v.object({ ...setupStepEntries, type: v.picklist(['webhook_url']), instructions: texts }),
]);

const setupOptionSchema = v.object({ value: text, label: text, description: optionalText });

export const appSchema: Schema<App> = v.object({
  ...appSummaryEntries,
  helpUrl: nullableText,
  authMethods: v.array(
    v.object({
      type: authType,
      label: text,
      helpText: optionalText,
      helpUrl: nullableText,
      fields: v.array(authFieldSchema),
      scopes: v.array(v.object({ name: text, description: text, required: v.boolean() })),
    }),
  ),
  // A step of a type newer than this client is left out rather than failing the whole app.
  setupSteps: v.readableItems(setupStepSchema),
});

export const connectionSchema: Schema<Connection> = v.object({
  id: text,
  app: text,
  label: text,
  method: authType,
  status: connectionStatus,
  credentialHint: nullableText,
  grantedScopes: texts,
  missingScopes: texts,
  lastTestedAt: v.nullable(v.string()),
  lastError: v.nullable(v.object({ code: text, message: text, requestId: optionalText })),
  setup: v.nullable(
    v.object({
      webhookUrl: text,
      lastEventAt: v.nullable(v.string()),
      webhookAuth: v.optional(v.object({ username: text, password: text })),
    }),
  ),
  settings: v.optional(
    v.record(v.union([v.string(), v.boolean(), setupOptionSchema, v.array(setupOptionSchema)])),
  ),
  fields: v.optional(v.record(v.union([scalar, texts]))),
  createdAt: text,
  updatedAt: text,
});

export const connectionListSchema: Schema<ConnectionList> = v.object({
  items: v.array(connectionSchema),
});

export const testResultSchema: Schema<TestResult> = v.object({
  ok: v.boolean(),
  status: connectionStatus,
  message: text,
  testedAt: text,
  connection: connectionSchema,
});

export const setupOptionPageSchema: Schema<SetupOptionPage> = v.object({
  items: v.array(setupOptionSchema),
  nextCursor: v.nullable(v.string()),
});

export const setupVerificationSchema: Schema<SetupVerification> = v.object({
  ok: v.boolean(),
  message: text,
  action: v.nullable(v.string()),
  checkedAt: text,
});

export const disconnectResultSchema: Schema<DisconnectResult> = v.object({
  revocation: v.picklist(['revoked', 'not_supported', 'failed']),
  message: v.optional(text),
});

export const oauthFlowStartSchema: Schema<OAuthFlowStart> = v.object({
  flowId: text,
  authorizeUrl: text,
  expiresAt: text,
});

export const oauthFlowSchema: Schema<OAuthFlow> = v.object({
  flowId: text,
  app: text,
  status: v.picklist(['pending', 'succeeded', 'failed', 'expired']),
  mode: oauthMode,
  expiresAt: text,
  connectionId: optionalText,
  connection: v.optional(connectionSchema),
  error: v.optional(
    v.object({
      code: v.picklist([
        'access_denied',
        'provider_error',
        'missing_scopes',
        'duplicate_account',
        'state_invalid',
        'exchange_failed',
        'browser_mismatch',
      ]),
      message: text,
      missingScopes: v.optional(texts),
    }),
  ),
});

/** A problem whose body does not match (e.g. a code newer than this client) is replaced by one
 *  synthesised from the status, see `problemFromStatus`. */
export const problemSchema: Schema<Problem> = v.object({
  type: text,
  title: text,
  status: v.number(),
  detail: optionalText,
  instance: optionalText,
  code: v.picklist([
    'bad_request',
    'validation_failed',
    'credentials_rejected',
    'duplicate_account',
    'unauthorized',
    'session_expired',
    'forbidden_origin',
    'app_not_allowed',
    'not_found',
    'idempotency_key_required',
    'idempotency_conflict',
    'payload_too_large',
    'rate_limited',
    'provider_unavailable',
    'provider_error',
    'internal_error',
  ]),
  requestId: text,
  errors: v.optional(
    v.array(
      v.object({
        field: text,
        code: v.picklist([
          'required',
          'pattern',
          'type',
          'too_short',
          'too_long',
          'too_large',
          'too_many',
          'invalid_option',
          'invalid_character',
          'rejected',
        ]),
        message: text,
      }),
    ),
  ),
  existingConnection: v.optional(connectionSchema),
  retryAfter: v.optional(v.number()),
});

/** The data of a `connection.*` event on the live channel (GET /v1/events). */
export const liveEventSchema: Schema<LiveEvent> = v.object({
  id: text,
  type: v.picklist([
    'connection.created',
    'connection.updated',
    'connection.deleted',
    'connection.needs_reauth',
    'connection.recovered',
    'connection.test_failed',
    'connection.event_received',
  ]),
  app: text,
  connectionId: text,
  at: text,
  connection: v.optional(connectionSchema),
});

export const liveReadySchema: Schema<LiveReady> = v.object({ heartbeatSeconds: v.number() });

/** For 204 answers. */
export const noContentSchema: Schema<undefined> = v.absent();

export type { Schema };

/** Validates `value`, returning the typed output or the list of issues in plain words. */
export function check<T>(
  schema: Schema<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: string } {
  const issues: string[] = [];
  const output = schema.run(value, '', issues);
  return issues.length
    ? { ok: false, issues: issues.slice(0, 3).join('; ') }
    : { ok: true, value: output };
}
