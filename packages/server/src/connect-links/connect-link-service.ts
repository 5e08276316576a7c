// Connect links: the host mints a signed, single-use, expiring URL (POST /v1/connect-links) that
// opens a page of this backend where the user connects an app or re-authorizes a connection.
//   - signed: the URL is `/connect/{id}.{HMAC(id)}` under a key of this server, so only links it
//     minted are looked up at all;
//   - single-use: the first browser that opens it is bound to it (a cookie whose hash the link
//     keeps); another browser is told it was used, and once that browser finishes it is spent;
//   - expiring: after `ttlSeconds` it only says so.
// The page mints its own session for the link's user (POST /connect/{token}/session), allowed for
// this backend's origin and, when the link names one, that app only.
import { createHmac, hkdfSync } from 'node:crypto';
import type { ConnectLink, CreateConnectLinkRequest, Session } from '@plugboard/contract';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { ConnectionRepository } from '../connections/connection-repository.js';
import { constantTimeEqual, randomId } from '../crypto/random.js';
import type { Db, Queryable } from '../db/schema.js';
import { ApiError, notFound } from '../http/api-error.js';
import { isSameBrowser, newBrowserBinding } from '../oauth/browser-binding.js';
import { canonicalOrigin, isBareOrigin } from '../sessions/origins.js';
import type { SessionStore } from '../sessions/session-store.js';

const DEFAULT_TTL_SECONDS = 7 * 24 * 60 * 60;
/** The page's session lasts this long at most (and never beyond the link). */
const PAGE_SESSION_SECONDS = 60 * 60;

export interface ConnectLinkRecord {
  id: string;
  userId: string;
  app: string | null;
  connectionId: string | null;
  returnUrl: string;
  expiresAt: number;
}

/** What a browser opening a link gets. */
export type LinkOpening =
  | { state: 'invalid' }
  | { state: 'expired' }
  | { state: 'used' }
  | {
      state: 'ready';
      link: ConnectLinkRecord;
      /** A first opening binds this browser: set this cookie. */
      bind?: { value: string; maxAgeSeconds: number };
    };

export interface ConnectLinkServiceDeps {
  db: Db;
  sessions: SessionStore;
  catalog: CatalogService;
  connections: ConnectionRepository;
  publicUrl: string;
  /** The server's newest encryption key; the signing key is derived from it. */
  encryptionKey: Buffer;
  now: () => number;
}

export class ConnectLinkService {
  private readonly signingKey: Buffer;

  constructor(private readonly deps: ConnectLinkServiceDeps) {
    this.signingKey = Buffer.from(
      hkdfSync('sha256', deps.encryptionKey, Buffer.alloc(0), 'plugboard connect links', 32),
    );
  }

  /** Mints a link (in `db`, which may be the transaction of a change: see host webhooks). */
  async create(
    request: CreateConnectLinkRequest,
    db: Queryable = this.deps.db,
  ): Promise<ConnectLink> {
    const { catalog, connections, now } = this.deps;
    assertOrigins(request);
    let app = request.app ?? null;
    if (app !== null) catalog.find(app);
    if (request.connectionId) {
      const connection = await connections.find(request.userId, request.connectionId, db);
      if (!connection) throw notFound('The connection');
      if (app !== null && app !== connection.app) {
        throw new ApiError(400, 'bad_request', 'The connection belongs to another app.');
      }
      app = connection.app;
    }
    const id = randomId('cl_');
    const createdAt = now();
    const expiresAt = createdAt + (request.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
    await db
      .insertInto('connect_links')
      .values({
        id,
        user_id: request.userId,
        app,
        connection_id: request.connectionId ?? null,
        allowed_origins: JSON.stringify(request.allowedOrigins),
        return_url: request.returnUrl,
        expires_at: expiresAt,
        created_at: createdAt,
      })
      .execute();
    return {
      id,
      url: `${this.deps.publicUrl}/connect/${id}.${this.signature(id)}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /**
   * A browser opens the link: the first one is bound to it; the same browser may open it again
   * (a reload) until it finishes; any other browser, or any browser after it finished, is told
   * it was used.
   */
  async open(token: string, cookie: string | undefined): Promise<LinkOpening> {
    const row = await this.find(token);
    if (!row) return { state: 'invalid' };
    const { now } = this.deps;
    if (row.expires_at <= now()) return { state: 'expired' };
    if (row.completed_at !== null) return { state: 'used' };
    if (row.browser_binding_hash !== null) {
      return isSameBrowser(row.browser_binding_hash, cookie)
        ? { state: 'ready', link: toRecord(row) }
        : { state: 'used' };
    }
    const binding = newBrowserBinding();
    const bound = await this.deps.db
      .updateTable('connect_links')
      .set({ opened_at: now(), browser_binding_hash: binding.hash })
      .where('id', '=', row.id)
      .where('browser_binding_hash', 'is', null)
      .executeTakeFirst();
    // Another browser opened it a moment earlier.
    if (bound.numUpdatedRows === 0n) return { state: 'used' };
    return {
      state: 'ready',
      link: toRecord(row),
      bind: { value: binding.value, maxAgeSeconds: Math.ceil((row.expires_at - now()) / 1000) },
    };
  }

  /** The page's session, for the browser the link is bound to. */
  async session(token: string, cookie: string | undefined): Promise<Session> {
    const link = await this.usable(token, cookie);
    const remainingSeconds = Math.floor((link.expiresAt - this.deps.now()) / 1000);
    return this.deps.sessions.create({
      userId: link.userId,
      allowedOrigins: [new URL(this.deps.publicUrl).origin],
      ...(link.app && { allowedApps: [link.app] }),
      ttlSeconds: Math.max(60, Math.min(PAGE_SESSION_SECONDS, remainingSeconds)),
    });
  }

  /**
   * The page connected `connectionId`: the link is spent; returns where to send the user. A
   * reconnect link completes only with its own connection.
   */
  async complete(token: string, cookie: string | undefined, connectionId: string): Promise<string> {
    const link = await this.usable(token, cookie);
    const connection = await this.deps.connections.find(link.userId, connectionId);
    const mismatch =
      !connection ||
      (link.connectionId !== null && link.connectionId !== connectionId) ||
      (link.app !== null && link.app !== connection.app);
    if (mismatch) throw new ApiError(400, 'bad_request', 'This connection is not the link’s.');
    await this.deps.db
      .updateTable('connect_links')
      .set({ completed_at: this.deps.now() })
      .where('id', '=', link.id)
      .execute();
    return withParams(link.returnUrl, { pb_status: 'connected', pb_connection_id: connectionId });
  }

  /** Where "Back" leads when the user gives up: the host's page, told nothing was changed. */
  cancelUrl(link: ConnectLinkRecord): string {
    return withParams(link.returnUrl, { pb_status: 'cancelled' });
  }

  /** The link's id when `token` carries its valid signature. */
  idOf(token: string): string | null {
    const [id = '', signature = ''] = token.split('.');
    if (!/^cl_[A-Za-z0-9]{24}$/.test(id)) return null;
    return constantTimeEqual(signature, this.signature(id)) ? id : null;
  }

  private signature(id: string): string {
    return createHmac('sha256', this.signingKey).update(id).digest('base64url');
  }

  private async find(token: string) {
    const id = this.idOf(token);
    if (!id) return undefined;
    return this.deps.db
      .selectFrom('connect_links')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The link behind a request of its page: 401 unless this browser holds it and it still runs. */
  private async usable(token: string, cookie: string | undefined): Promise<ConnectLinkRecord> {
    const row = await this.find(token);
    if (!row) throw notFound('The link');
    const holds = isSameBrowser(row.browser_binding_hash, cookie);
    if (!holds || row.completed_at !== null || row.expires_at <= this.deps.now()) {
      throw new ApiError(
        401,
        'unauthorized',
        'This link was used, has expired, or is not open here.',
      );
    }
    return toRecord(row);
  }
}

function toRecord(row: {
  id: string;
  user_id: string;
  app: string | null;
  connection_id: string | null;
  return_url: string;
  expires_at: number;
}): ConnectLinkRecord {
  return {
    id: row.id,
    userId: row.user_id,
    app: row.app,
    connectionId: row.connection_id,
    returnUrl: row.return_url,
    expiresAt: Number(row.expires_at),
  };
}

function assertOrigins(request: CreateConnectLinkRequest): void {
  const errors = [];
  for (const origin of request.allowedOrigins) {
    if (!isBareOrigin(origin)) {
      errors.push({
        field: 'allowedOrigins',
        code: 'pattern' as const,
        message: `"${origin}" is not an origin like https://app.example.com (no path, no trailing slash).`,
      });
    }
  }
  const returnOrigin = canonicalOrigin(request.returnUrl);
  if (!returnOrigin || !request.allowedOrigins.includes(returnOrigin)) {
    errors.push({
      field: 'returnUrl',
      code: 'invalid_option' as const,
      message: 'The return URL must be an http(s) URL on one of the allowed origins.',
    });
  }
  if (errors.length > 0) {
    throw new ApiError(422, 'validation_failed', 'The link request is not valid.', { errors });
  }
}

function withParams(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  return target.toString();
}
