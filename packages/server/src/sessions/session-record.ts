/** A session as the server keeps it; the token itself is never stored, only its hash. */
export interface SessionRecord {
  id: string;
  userId: string;
  allowedOrigins: string[];
  /** null: every app of the catalog. */
  allowedApps: string[] | null;
  expiresAt: number;
}

export function allowsApp(session: SessionRecord, appKey: string): boolean {
  return session.allowedApps === null || session.allowedApps.includes(appKey);
}
