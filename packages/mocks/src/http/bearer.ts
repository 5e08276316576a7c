/** The token of `Authorization: Bearer <token>`, or null (the real server's exact rule). */
export function bearerToken(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1] ?? null;
}
