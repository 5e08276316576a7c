// Where the host's webhooks go and how hard the server tries (PB_HOST_WEBHOOK_URL and
// PB_HOST_WEBHOOK_SECRET; the rest has defaults).

export interface HostWebhookSettings {
  /** The host backend's endpoint (http: only for development on loopback). */
  url: string;
  /** `whsec_…` (see standard-webhooks.ts). */
  secret: string;
  /**
   * After the n-th failed attempt, the next waits `retryDelaysMs[n - 1]`; when none is left the
   * delivery is `failed`. The default (the Standard Webhooks schedule) retries for 27½ hours.
   */
  retryDelaysMs: readonly number[];
  /** One attempt waits this long for an answer. */
  timeoutMs: number;
  /** How often an instance looks for deliveries due. */
  tickMs: number;
  /** An attempt's lease: an instance that died mid-attempt is replaced after this. */
  leaseMs: number;
  /** Attempts under way at once on one instance. */
  maxConcurrent: number;
  /**
   * When set, a connection.needs_reauth webhook carries `reconnectUrl`: a single-use connect link
   * that re-authorizes the connection, then returns the user to this URL.
   */
  reconnectReturnUrl?: string;
  /** How long such a reconnect link stays valid. */
  reconnectLinkTtlMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const DEFAULT_HOST_WEBHOOK_SETTINGS: Omit<HostWebhookSettings, 'url' | 'secret'> = {
  retryDelaysMs: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
  timeoutMs: 10 * SECOND,
  tickMs: SECOND,
  leaseMs: MINUTE,
  maxConcurrent: 4,
  reconnectLinkTtlMs: 7 * 24 * HOUR,
};
