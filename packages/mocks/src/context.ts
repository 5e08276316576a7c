import type { App } from '@plugboard/contract';
import type { IdSource } from './ids.js';
import type { MockState } from './state/mock-state.js';

/** What every handler shares: configuration, ids, and the state reset() replaces. */
export interface MockContext {
  readonly baseUrl: string;
  readonly latencyMs: number;
  readonly flowTtlMs: number;
  /** The host backend's key for /v1/sessions and /v1/admin. */
  readonly secretKey: string;
  /** Only tokens minted through POST /v1/sessions open the widget endpoints. */
  readonly strictSessions: boolean;
  readonly ids: IdSource;
  state: MockState;
  /** Called whenever a flow changes, so long-polls can answer at once. */
  readonly flowListeners: Set<() => void>;
  /** Called whenever a live event is recorded, so open streams send it at once. */
  readonly liveListeners: Set<() => void>;
  /** How often an open live stream sends a heartbeat. */
  readonly liveHeartbeatSeconds: number;
}

export function findApp(ctx: MockContext, key: string): App | undefined {
  return ctx.state.appsByKey.get(key);
}
