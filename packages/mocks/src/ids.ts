// Deterministic ids per backend (counters), so stories and snapshots read the same on every run.
const pad = (n: number) => String(n).padStart(6, '0');

export interface IdSource {
  connectionId(): string;
  flowId(): string;
  requestId(): string;
  sessionToken(): string;
  reset(): void;
}

export function createIdSource(): IdSource {
  let connections = 0;
  let flows = 0;
  let requests = 0;
  let sessions = 0;
  return {
    connectionId: () => `con_mock${pad(++connections)}`,
    flowId: () => `flow_mock${pad(++flows)}`,
    requestId: () => `req_mock${pad(++requests)}`,
    // The real server's tokens start with `pbs_` too; the counter keeps stories repeatable.
    sessionToken: () => `pbs_mock${pad(++sessions)}`,
    reset() {
      connections = 0;
      flows = 0;
      requests = 0;
      sessions = 0;
    },
  };
}

/** The path segment of a connection's webhook URL (the contract wants 16 to 64 URL-safe chars). */
export function hookIdFor(connectionId: string): string {
  return `hook_${connectionId.replace(/^con_/, '')}`.padEnd(16, '0');
}

/** A CSP nonce for the mock OAuth page. */
export function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * An OAuth `state`, a start URL's secret or a browser binding: random, because guessing one must
 * not complete someone else's flow.
 */
export function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
