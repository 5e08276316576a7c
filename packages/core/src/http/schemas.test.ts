// The boundary validators must accept exactly what the contract promises, and keep every field:
// bodies that pass the OpenAPI document (checked with ajv) must come out of the validators unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  App,
  AppSummary,
  Connection,
  OAuthFlow,
  Problem,
  TestResult,
} from '@plugboard/contract';
import { contractViolations, streamEventViolations } from '@plugboard/contract/validate-response';
import {
  appPageSchema,
  appSchema,
  check,
  connectionListSchema,
  connectionSchema,
  liveEventSchema,
  liveReadySchema,
  oauthFlowSchema,
  oauthFlowStartSchema,
  problemSchema,
  setupOptionPageSchema,
  setupVerificationSchema,
  testResultSchema,
  type Schema,
} from './schemas.js';

const connection: Connection = {
  id: 'con_abcdefgh',
  app: 'pipedrive',
  label: 'jane@acme.com',
  method: 'oauth2',
  status: 'error',
  credentialHint: '••••-123',
  grantedScopes: ['deals:read'],
  missingScopes: ['deals:write'],
  lastTestedAt: '2026-01-02T03:04:05Z',
  lastError: { code: 'invalid_token', message: 'Token revoked', requestId: 'req_1' },
  setup: {
    webhookUrl: 'https://api.example.com/v1/hooks/abcdefghijklmnop',
    lastEventAt: null,
    webhookAuth: { username: 'plugboard', password: 'p4ssw0rd' },
  },
  settings: {
    pipeline: { value: '1', label: 'Sales', description: 'The main one' },
    stages: [{ value: '15', label: 'Won' }],
    prefix: 'Web:',
    notify: true,
  },
  fields: { subdomain: 'acme', objects: ['Lead'], sandbox: false, port: 443 },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};

const app: App = {
  key: 'pipedrive',
  name: 'Pipedrive',
  logoUrl: 'https://cdn.example.com/pipedrive.svg',
  categories: ['crm'],
  aliases: ['pd'],
  popularity: 90,
  description: 'Sales CRM',
  health: { status: 'degraded', message: 'Slow API' },
  authTypes: ['oauth2', 'api_key'],
  helpUrl: 'https://help.example.com',
  authMethods: [
    {
      type: 'api_key',
      label: 'API token',
      helpText: 'Settings › Personal › API',
      helpUrl: null,
      fields: [
        {
          name: 'apiToken',
          label: 'API token',
          type: 'password',
          required: true,
          secret: true,
          pattern: '^[a-f0-9]{40}$',
          patternHint: '40 hex characters',
          placeholder: 'e.g. 3f…',
          helpText: 'Shown once',
          helpUrl: null,
          minLength: 40,
          maxLength: 40,
        },
        {
          name: 'region',
          label: 'Region',
          type: 'select',
          required: false,
          secret: false,
          options: [{ value: 'eu', label: 'Europe' }],
          default: 'eu',
        },
        {
          name: 'host',
          label: 'Host',
          type: 'url',
          required: true,
          secret: false,
          visibleWhen: { field: 'region', equals: ['eu', 'us'] },
        },
        {
          name: 'keyFile',
          label: 'Key file',
          type: 'file',
          required: true,
          secret: true,
          accept: '.json',
          maxBytes: 4096,
        },
        { name: 'pem', label: 'PEM', type: 'textarea', required: false, secret: true },
        {
          name: 'objects',
          label: 'Objects',
          type: 'multi_select',
          required: false,
          secret: false,
          options: [{ value: 'Lead', label: 'Leads' }],
        },
      ],
      scopes: [],
    },
    {
      type: 'oauth2',
      label: 'Sign in with Pipedrive',
      fields: [],
      scopes: [{ name: 'deals:read', description: 'Read your deals', required: true }],
    },
  ],
  setupSteps: [
    {
      key: 'pipeline',
      type: 'select',
      title: 'Pipeline',
      required: true,
      verification: { label: 'Check the pipeline' },
    },
    { key: 'prefix', type: 'text', title: 'Prefix', required: false, maxLength: 20 },
    {
      key: 'webhook',
      type: 'webhook_url',
      title: 'Add the webhook',
      required: false,
      instructions: ['Open Settings'],
      helpUrl: null,
    },
  ],
};

function summaryOf({ helpUrl: _h, authMethods: _m, setupSteps: _s, ...summary }: App): AppSummary {
  return summary;
}

const flow: OAuthFlow = {
  flowId: 'flow_12345678',
  app: 'pipedrive',
  status: 'failed',
  mode: 'popup',
  expiresAt: '2026-01-01T00:10:00Z',
  connection,
  error: { code: 'duplicate_account', message: 'Already connected', missingScopes: [] },
};

const problem: Problem = {
  type: 'about:blank',
  title: 'Already connected',
  status: 409,
  detail: 'This account is connected already.',
  instance: '/v1/connections',
  code: 'duplicate_account',
  requestId: 'req_9',
  errors: [{ field: 'apiToken', code: 'rejected', message: 'Rejected' }],
  existingConnection: connection,
  retryAfter: 3,
};

const testResult: TestResult = {
  ok: false,
  status: 'error',
  message: 'Token revoked',
  testedAt: '2026-01-02T03:04:05Z',
  connection,
};

const cases: [string, number, string, unknown, Schema<unknown>][] = [
  [
    'listApps',
    200,
    'application/json',
    { items: [summaryOf(app)], nextCursor: 'c2', total: 1 },
    appPageSchema,
  ],
  ['getApp', 200, 'application/json', app, appSchema],
  ['listConnections', 200, 'application/json', { items: [connection] }, connectionListSchema],
  ['getConnection', 200, 'application/json', connection, connectionSchema],
  ['testConnection', 200, 'application/json', testResult, testResultSchema],
  ['getOAuthFlow', 200, 'application/json', flow, oauthFlowSchema],
  [
    'startOAuthFlow',
    201,
    'application/json',
    {
      flowId: 'flow_12345678',
      authorizeUrl: 'https://provider.example/a',
      expiresAt: '2026-01-01T00:10:00Z',
    },
    oauthFlowStartSchema,
  ],
  ['createConnection', 409, 'application/problem+json', problem, problemSchema],
  [
    'listSetupOptions',
    200,
    'application/json',
    { items: [{ value: 'C1', label: '#sales', description: 'Deals' }], nextCursor: 'djE6MQ' },
    setupOptionPageSchema,
  ],
  [
    'verifySetupStep',
    200,
    'application/json',
    { ok: false, message: 'Not a member', action: 'Join it', checkedAt: '2026-01-02T03:04:05Z' },
    setupVerificationSchema,
  ],
  ['updateConnectionSettings', 200, 'application/json', connection, connectionSchema],
];

describe('response schemas follow the contract', () => {
  for (const [operationId, status, contentType, body, schema] of cases) {
    it(`${operationId} ${status}: accepts a contract-valid body and keeps every field`, () => {
      assert.deepEqual(contractViolations(operationId, status, contentType, body), []);
      const checked = check(schema, body);
      assert.ok(checked.ok, checked.ok ? '' : checked.issues);
      assert.deepEqual(checked.value, body);
    });
  }

  it('streamEvents: accepts contract-valid live events and keeps every field', () => {
    const events: [string, unknown, Schema<unknown>][] = [
      ['ready', { heartbeatSeconds: 15 }, liveReadySchema],
      [
        'connection.needs_reauth',
        {
          id: '7',
          type: 'connection.needs_reauth',
          app: 'pipedrive',
          connectionId: connection.id,
          at: '2026-01-02T03:04:05Z',
          connection,
        },
        liveEventSchema,
      ],
      [
        'connection.deleted',
        {
          id: '8',
          type: 'connection.deleted',
          app: 'pipedrive',
          connectionId: connection.id,
          at: '2026-01-02T03:04:06Z',
        },
        liveEventSchema,
      ],
    ];
    for (const [event, data, schema] of events) {
      assert.deepEqual(streamEventViolations('streamEvents', event, data), []);
      const checked = check(schema, data);
      assert.ok(checked.ok, checked.ok ? '' : checked.issues);
      assert.deepEqual(checked.value, data);
    }
  });

  it('leaves out a setup step of a type this client does not know, keeping the app', () => {
    const newer = {
      ...app,
      setupSteps: [{ key: 'x', type: 'hologram', title: 'X', required: false }, app.setupSteps[1]],
    };
    const checked = check(appSchema, newer);
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.setupSteps, [app.setupSteps[1]]);
  });

  it('rejects a wrong shape with a readable path', () => {
    const checked = check(connectionSchema, { ...connection, status: 'great' });
    assert.equal(checked.ok, false);
    assert.match(checked.ok ? '' : checked.issues, /status/);
  });
});
