// The page server's own endpoints, shared by the server (Node) and the test pages (browser).
export const HARNESS_PATHS = {
  /** GET → { backendUrl } */
  config: '/harness/config',
  /** GET ?user=<end-user id> → { token }: a session token for that user, allowed for this origin */
  session: '/harness/session',
} as const;
