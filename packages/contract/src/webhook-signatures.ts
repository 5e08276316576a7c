// How each service authenticates the deliveries it posts to a connection's webhook URL, by app:
// data shared by the server (which verifies) and the mocks (which follow the same contract). An
// app that is not listed relies on the URL alone, an unguessable capability (docs/security.md).
// This map is the one place that chooses a scheme, so it can move into the declarative provider
// definitions as a `webhooks.signature` field.

/** Where a signing secret comes from. */
export type SigningSecretSource =
  /** The service shows it when the webhook is made; the user pastes it into this credential field. */
  | { field: string }
  /** The platform's own app at the service has it (e.g. a Slack app's signing secret): server configuration. */
  | { configured: true };

export type WebhookSignature =
  /** The service sends HTTP basic auth that the backend issues per connection (setup.webhookAuth). */
  | { scheme: 'basic_auth' }
  | { scheme: 'stripe' | 'shopify' | 'slack'; secret: SigningSecretSource };

export const WEBHOOK_SIGNATURES: Readonly<Record<string, WebhookSignature>> = {
  // Pipedrive signs nothing; its webhooks carry the "HTTP Auth" user name and password.
  pipedrive: { scheme: 'basic_auth' },
  // The endpoint's signing secret (whsec_…) from the Stripe dashboard.
  stripe: { scheme: 'stripe', secret: { field: 'webhookSigningSecret' } },
  // The key shown under Shopify admin › Settings › Notifications for webhooks made there.
  shopify: { scheme: 'shopify', secret: { field: 'webhookSigningSecret' } },
  // The signing secret of the platform's Slack app.
  slack: { scheme: 'slack', secret: { configured: true } },
};

export function webhookSignatureOf(appKey: string): WebhookSignature | undefined {
  return Object.hasOwn(WEBHOOK_SIGNATURES, appKey) ? WEBHOOK_SIGNATURES[appKey] : undefined;
}
