// createMockBackend: the handlers for the whole Connect API over one in-memory store, plus the
// switches stories and tests need (scenario, reset, webhook delivery, flow completion).
import type { App, Connection, OAuthFlow, OAuthFlowErrorCode } from '@plugboard/contract';
import type { RequestHandler } from 'msw';
import type { MockContext } from './context.js';
import { adminHandlers } from './handlers/admin-handlers.js';
import { catalogHandlers } from './handlers/catalog-handlers.js';
import { connectionHandlers } from './handlers/connection-handlers.js';
import { eventHandlers } from './handlers/event-handlers.js';
import { mockAuthorizePage } from './handlers/mock-authorize-page.js';
import { oauthCallback } from './handlers/oauth-callback.js';
import { oauthHandlers } from './handlers/oauth-handlers.js';
import { oauthStartUrl } from './handlers/oauth-start-url.js';
import { sessionHandlers } from './handlers/session-handlers.js';
import { setupHandlers } from './handlers/setup-handlers.js';
import { transportGate } from './handlers/transport-gate.js';
import { webhookHandlers } from './handlers/webhook-handlers.js';
import { createIdSource } from './ids.js';
import { isScenarioName, type ScenarioName } from './scenarios.js';
import { seedFor } from './seed/scenario-seed.js';
import { publicFlow, refreshExpiry, settleFlow } from './state/flows.js';
import type { MockState, RecordedRequest } from './state/mock-state.js';
import { removeConnection, replaceConnection } from './state/connections.js';
import { recordWebhookEvent } from './state/webhooks.js';

export interface MockBackendOptions {
  /** Absolute URL the widgets are configured with, e.g. `http://localhost:6006/api`. */
  baseUrl: string;
  scenario?: ScenarioName;
  /** Replaces the demo catalog (not in `huge-catalog` and `hostile-catalog`). */
  catalog?: readonly App[];
  /** Replaces the seeded connections (not in `empty`, `connections-every-status`, `hostile-catalog`). */
  connections?: Connection[];
  /** Added to every response; `slow-network` uses 1.5 s instead. Default 0. */
  latencyMs?: number;
  /** How long an OAuth flow stays pending before it expires. Default 10 minutes. */
  flowTtlMs?: number;
  /**
   * The host backend's secret key for POST /v1/sessions, /v1/sessions/revoke and
   * /v1/admin/…. Default `MOCK_SECRET_KEY` (`sk_test_plugboard_dev_only`, the reference
   * server's development key).
   */
  secretKey?: string;
  /**
   * Only session tokens minted through POST /v1/sessions open the widget endpoints, as on the
   * real server. Default false: any bearer token works unless it was revoked or has expired.
   */
  strictSessions?: boolean;
  /** How often an open live stream (GET /v1/events) sends a heartbeat. Default 15 s. */
  liveHeartbeatSeconds?: number;
}

export interface MockStore {
  readonly connections: readonly Connection[];
  readonly flows: readonly OAuthFlow[];
  /** Every request the handlers saw, oldest first, for assertions. */
  readonly requests: readonly RecordedRequest[];
}

export type FlowCompletion =
  | { status: 'succeeded' }
  | { status: 'failed'; code?: OAuthFlowErrorCode; message?: string; missingScopes?: string[] }
  | { status: 'expired' };

export interface MockBackend {
  readonly handlers: RequestHandler[];
  readonly scenario: ScenarioName;
  /** Switches the scenario and re-seeds the store for it. */
  useScenario(name: ScenarioName): void;
  /**
   * Back to the current scenario's seed: connections, flows, sessions, recorded requests,
   * one-shot answers and health set through the admin endpoint.
   */
  reset(): void;
  readonly store: MockStore;
  /** Simulates the service's first (next) event on the connection's webhook URL. */
  deliverWebhook(connectionId: string): Connection;
  /**
   * The service stops accepting the connection's credentials (a scheduled check found it): it
   * turns `needs_reauth` and the live channel says `connection.needs_reauth`.
   */
  breakConnection(connectionId: string, error?: { code: string; message: string }): Connection;
  /** A broken connection works again: `connected`, and `connection.recovered` on the channel. */
  recoverConnection(connectionId: string): Connection;
  /** Renamed elsewhere (another tab): `connection.updated` on the channel. */
  renameConnection(connectionId: string, label: string): Connection;
  /** Disconnected elsewhere (another tab): `connection.deleted` on the channel. */
  removeConnection(connectionId: string): void;
  /** The next Disconnect of an OAuth connection: the service does not confirm the revocation. */
  failNextRevocation(): void;
  /** Settles a pending flow as the provider's callback would. */
  completeFlow(flowId: string, completion: FlowCompletion['status'] | FlowCompletion): OAuthFlow;
}

const DEFAULT_FLOW_TTL_MS = 10 * 60_000;

/** The reference server's documented development key, so a host set up for it works here too. */
export const MOCK_SECRET_KEY = 'sk_test_plugboard_dev_only';
/** The real server's rule for secret keys. */
const SECRET_KEY_PATTERN = /^sk_[A-Za-z0-9_-]{12,}$/;

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL (got "${baseUrl}")`);
  }
  return url.href.replace(/\/+$/, '');
}

function seededState(
  scenario: ScenarioName,
  options: MockBackendOptions,
  baseUrl: string,
): MockState {
  const { catalog, connections, accounts } = seedFor(scenario, { ...options, baseUrl });
  return {
    scenario,
    catalog,
    appsByKey: new Map(catalog.map((app) => [app.key, app])),
    connections,
    flows: [],
    requests: [],
    accounts:
      accounts ??
      new Map(connections.map((connection) => [connection.id, `seed:${connection.id}`])),
    idempotency: new Map(),
    sessions: new Map(),
    revokedTokens: new Set(),
    liveEvents: [],
    transport: { sawTokenRequest: false, rateLimitSent: false },
    failNextRevocation: false,
  };
}

export function createMockBackend(options: MockBackendOptions): MockBackend {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const initialScenario = options.scenario ?? 'default';
  if (!isScenarioName(initialScenario))
    throw new TypeError(`unknown scenario "${initialScenario}"`);
  const secretKey = options.secretKey ?? MOCK_SECRET_KEY;
  if (!SECRET_KEY_PATTERN.test(secretKey))
    throw new TypeError('secretKey must look like sk_ followed by at least 12 letters or digits');
  const ctx: MockContext = {
    baseUrl,
    latencyMs: options.latencyMs ?? 0,
    flowTtlMs: options.flowTtlMs ?? DEFAULT_FLOW_TTL_MS,
    secretKey,
    strictSessions: options.strictSessions ?? false,
    ids: createIdSource(),
    state: seededState(initialScenario, options, baseUrl),
    flowListeners: new Set(),
    liveListeners: new Set(),
    liveHeartbeatSeconds: options.liveHeartbeatSeconds ?? 15,
  };
  const reseed = (scenario: ScenarioName) => {
    ctx.ids.reset();
    ctx.state = seededState(scenario, options, baseUrl);
  };
  const findConnection = (connectionId: string) => {
    const connection = ctx.state.connections.find((candidate) => candidate.id === connectionId);
    if (!connection) throw new Error(`no connection ${connectionId}`);
    return connection;
  };
  /** A change made outside any request, told on the live channel like one. */
  const rewrite = (connectionId: string, change: Partial<Connection>, cause: 'edit' | 'test') => {
    const updatedAt = new Date().toISOString();
    const connection: Connection = { ...findConnection(connectionId), ...change, updatedAt };
    replaceConnection(ctx, connection, cause);
    return connection;
  };
  const findFlow = (flowId: string) => {
    const flow = ctx.state.flows.find((candidate) => candidate.flowId === flowId);
    if (!flow) throw new Error(`no flow ${flowId}`);
    return flow;
  };

  return {
    handlers: [
      transportGate(ctx),
      ...catalogHandlers(ctx),
      ...connectionHandlers(ctx),
      ...eventHandlers(ctx),
      ...setupHandlers(ctx),
      ...oauthHandlers(ctx),
      oauthStartUrl(ctx),
      oauthCallback(ctx),
      mockAuthorizePage(ctx),
      ...sessionHandlers(ctx),
      ...adminHandlers(ctx),
      ...webhookHandlers(ctx),
    ],
    get scenario() {
      return ctx.state.scenario;
    },
    useScenario(name) {
      if (!isScenarioName(name)) throw new TypeError(`unknown scenario "${String(name)}"`);
      reseed(name);
    },
    reset() {
      reseed(ctx.state.scenario);
    },
    store: {
      get connections() {
        return ctx.state.connections;
      },
      get flows() {
        return ctx.state.flows.map((flow) => {
          refreshExpiry(flow);
          return publicFlow(flow);
        });
      },
      get requests() {
        return ctx.state.requests;
      },
    },
    deliverWebhook(connectionId) {
      return recordWebhookEvent(ctx, findConnection(connectionId));
    },
    breakConnection(connectionId, error) {
      const lastError = {
        code: error?.code ?? 'credentials_rejected',
        message: error?.message ?? 'The service no longer accepts these credentials.',
      };
      return rewrite(
        connectionId,
        { status: 'needs_reauth', lastError, lastTestedAt: new Date().toISOString() },
        'test',
      );
    },
    recoverConnection(connectionId) {
      const testedAt = new Date().toISOString();
      return rewrite(
        connectionId,
        { status: 'connected', lastError: null, lastTestedAt: testedAt },
        'test',
      );
    },
    renameConnection(connectionId, label) {
      return rewrite(connectionId, { label }, 'edit');
    },
    removeConnection(connectionId) {
      removeConnection(ctx, findConnection(connectionId));
    },
    failNextRevocation() {
      ctx.state.failNextRevocation = true;
    },
    completeFlow(flowId, completion) {
      const flow = findFlow(flowId);
      flow.oauthStateUsed = true;
      const outcome: FlowCompletion =
        typeof completion === 'string' ? ({ status: completion } as FlowCompletion) : completion;
      settleFlow(
        ctx,
        flow,
        outcome.status === 'failed'
          ? { ...outcome, code: outcome.code ?? 'provider_error' }
          : outcome,
      );
      return publicFlow(flow);
    },
  };
}
