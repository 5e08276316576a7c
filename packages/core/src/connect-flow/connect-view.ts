// The connect flow's views and the coarse steps reported when the user leaves.
import type { App, Connection, SetupStep } from '@plugboard/contract';
import type { PlugboardError } from '../errors.js';

/**
 * Every view of the connect flow. One view at a time; the data a view needs travels with it, so a
 * view can never render with the wrong connection or error.
 */
export type ConnectView =
  | { name: 'loading' }
  | { name: 'load-error'; error: PlugboardError }
  | { name: 'unavailable' }
  | { name: 'method' }
  | { name: 'oauth-intro' }
  | { name: 'oauth-waiting' }
  | { name: 'oauth-blocked' }
  | { name: 'oauth-declined' }
  | { name: 'oauth-failed'; error: PlugboardError }
  /** A flow that came back by redirect ended without telling which app (expired, unreachable). */
  | { name: 'resume-failed'; error: PlugboardError }
  | { name: 'missing-scopes'; scopes: readonly string[]; connectionId: string | undefined }
  | { name: 'duplicate'; existing: Connection }
  | { name: 'credentials' }
  | { name: 'session-expired' }
  | { name: 'setup'; connection: Connection; step: SetupStep }
  | { name: 'testing'; connection: Connection }
  | {
      name: 'test-failed';
      connection: Connection;
      failure: { message: string } | { error: PlugboardError };
    }
  | { name: 'success'; connection: Connection };

export type ConnectViewName = ConnectView['name'];

/** The coarse step reported as `lastStep` when the user leaves: stable for analytics. */
export type ConnectStep =
  | 'loading'
  | 'unavailable'
  | 'method'
  | 'oauth'
  | 'credentials'
  | 'setup'
  | 'test'
  | 'success'
  | 'error';

const STEP_OF_VIEW: Record<ConnectViewName, ConnectStep> = {
  loading: 'loading',
  'load-error': 'error',
  unavailable: 'unavailable',
  method: 'method',
  'oauth-intro': 'oauth',
  'oauth-waiting': 'oauth',
  'oauth-blocked': 'oauth',
  'oauth-declined': 'oauth',
  'oauth-failed': 'oauth',
  'resume-failed': 'oauth',
  'missing-scopes': 'oauth',
  duplicate: 'oauth',
  credentials: 'credentials',
  'session-expired': 'error',
  setup: 'setup',
  testing: 'test',
  'test-failed': 'test',
  success: 'success',
};

export function stepOf(view: ConnectView): ConnectStep {
  return STEP_OF_VIEW[view.name];
}

/** Views that show a failure the flow cannot get past by itself: closing there ends in an error. */
const FAILURE_VIEWS: ReadonlySet<ConnectViewName> = new Set([
  'load-error',
  'unavailable',
  'oauth-declined',
  'oauth-failed',
  'resume-failed',
  'missing-scopes',
  'session-expired',
  'test-failed',
] satisfies ConnectViewName[]);

export function isFailureView(view: ConnectView): boolean {
  return FAILURE_VIEWS.has(view.name);
}

/** The app's webhook setup step, when a new connection needs the user to copy a URL. */
export function webhookSetupStep(app: App): SetupStep | undefined {
  return app.setupSteps.find((step) => step.type === 'webhook_url');
}
