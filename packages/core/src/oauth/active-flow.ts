// What every flow kind (popup, redirect) gets from the client, and what the controller needs back.
import type { Connection } from '@plugboard/contract';
import type { EventStream } from '../events.js';
import type { HttpClient } from '../http/http-client.js';
import type { OAuthEnvironment } from './browser-environment.js';
import type { FlowTiming } from './flow-timing.js';
import type { OAuthFlowHandle } from './oauth-types.js';

export interface FlowDeps {
  readonly http: HttpClient;
  readonly events: EventStream;
  readonly env: OAuthEnvironment;
  readonly backendOrigin: string;
  readonly timing: FlowTiming;
  /** Receives the connection a flow created or found, for the connection store. */
  readonly onConnection: (connection: Connection) => void;
}

/** A running flow; `abandon` is for the controller when a newer flow replaces it. */
export interface ActiveFlow extends OAuthFlowHandle {
  abandon(): void;
}
