// The app catalog as one session sees it: the static apps, their current provider health (an
// administrator's override through the admin endpoint, else what the background checks derived,
// else the catalog's own), logo URLs on this server, and the session's app allowlist applied
// everywhere. Searches rank with core's index, the one the widget uses locally,
// so a query orders apps the same whether the page or the server answers it. Health overrides live
// in the database, shared by every instance: each instance keeps them (and the derived health) for
// at most HEALTH_CACHE_MS, and drops them at once when any instance announces a change.
import type { App, AppPage, AppSummary, ProviderHealth } from '@plugboard/contract';
import { assertSafePatterns } from '@plugboard/contract/field-check';
import { createSearchIndex, type SearchIndex } from '@plugboard/core/search';
import type { DerivedHealth, DerivedStatus } from '../checks/derived-health.js';
import type { Notifications } from '../db/notifications.js';
import type { Db } from '../db/schema.js';
import { ApiError, notFound } from '../http/api-error.js';
import { allowsApp, type SessionRecord } from '../sessions/session-record.js';

export const DEFAULT_PAGE_SIZE = 500;
const HEALTH_CACHE_MS = 2000;

export interface AppListQuery {
  q?: string;
  category?: string;
  cursor?: string;
  limit: number;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ApiError(400, 'bad_request', 'The cursor is not valid.');
  return Number(match[1]);
}

function toSummary(app: App): AppSummary {
  const { helpUrl: _help, authMethods: _methods, setupSteps: _steps, ...summary } = app;
  return summary;
}

export class CatalogService {
  private readonly apps: Map<string, App>;
  /** Built once per catalog; its word tables on the first search with words. */
  private readonly index: SearchIndex;
  /** The catalog in browse order (the index's order for an empty query). */
  private readonly browseOrder: App[];
  private healthOverrides = new Map<string, ProviderHealth>();
  private derivedHealth = new Map<string, DerivedStatus>();
  /** When the overrides were read (monotonic ms); -Infinity forces the next read. */
  private healthReadAt = Number.NEGATIVE_INFINITY;
  private healthRead: Promise<void> | undefined;
  /** Counts change notices, so a read that raced one is not trusted for long. */
  private healthNotices = 0;

  constructor(
    apps: readonly App[],
    private readonly db: Db,
    private readonly notifications: Notifications,
    private readonly publicUrl: string,
    private readonly now: () => number,
    /** What the background checks see; without it only overrides change an app's health. */
    private readonly derived?: Pick<DerivedHealth, 'read'>,
  ) {
    // A pattern that could freeze a check of user input stops the server at start, not later.
    assertSafePatterns(apps);
    this.apps = new Map(apps.map((app) => [app.key, app]));
    this.index = createSearchIndex(apps);
    this.browseOrder = this.ranked('');
    notifications.subscribe('app_health', () => {
      this.healthNotices += 1;
      this.healthReadAt = Number.NEGATIVE_INFINITY;
    });
  }

  /** Re-reads the health overrides when the cached ones are too old; requests call it first. */
  async refreshHealth(): Promise<void> {
    if (performance.now() - this.healthReadAt < HEALTH_CACHE_MS) return;
    this.healthRead ??= (async () => {
      const startedAt = performance.now();
      const notices = this.healthNotices;
      try {
        const [rows, derived] = await Promise.all([
          this.db.selectFrom('app_health').select(['app', 'status', 'message']).execute(),
          this.derived?.read() ?? new Map<string, DerivedStatus>(),
        ]);
        this.derivedHealth = derived;
        this.healthOverrides = new Map(
          rows.map((row) => [
            row.app,
            healthOf(row.status as ProviderHealth['status'], row.message),
          ]),
        );
        if (notices === this.healthNotices) this.healthReadAt = startedAt;
      } finally {
        this.healthRead = undefined;
      }
    })();
    await this.healthRead;
  }

  list(session: SessionRecord, query: AppListQuery): AppPage {
    const category = query.category?.toLowerCase();
    const ranked = query.q ? this.ranked(query.q) : this.browseOrder;
    // Ranking is per app, so filtering the ranked catalog orders the rest as searching it would.
    const apps =
      session.allowedApps === null && !category
        ? ranked
        : ranked.filter(
            (app) =>
              allowsApp(session, app.key) &&
              (!category || app.categories.some((c) => c.toLowerCase() === category)),
          );
    const offset = query.cursor ? decodeCursor(query.cursor) : 0;
    const page = apps.slice(offset, offset + query.limit);
    const next = offset + page.length;
    return {
      items: page.map((app) => toSummary(this.present(app))),
      nextCursor: next < apps.length ? encodeCursor(next) : null,
      total: apps.length,
    };
  }

  /** The app for a session: 404 when unknown, 403 `app_not_allowed` when outside the allowlist. */
  get(session: SessionRecord, key: string): App {
    const app = this.find(key);
    if (!allowsApp(session, key)) {
      throw new ApiError(403, 'app_not_allowed', 'This app is not available in this session.');
    }
    return app;
  }

  /** The app regardless of any session (for the admin endpoint, logos and webhooks). */
  find(key: string): App {
    const app = this.apps.get(key);
    if (!app) throw notFound('The app');
    return this.present(app);
  }

  async setHealth(key: string, health: ProviderHealth): Promise<App> {
    this.find(key);
    const row = { status: health.status, message: health.message ?? null, updated_at: this.now() };
    await this.db
      .insertInto('app_health')
      .values({ app: key, ...row })
      .onConflict((conflict) => conflict.column('app').doUpdateSet(row))
      .execute();
    this.healthOverrides.set(key, healthOf(health.status, health.message ?? null));
    await this.notifications.publish('app_health', key);
    return this.find(key);
  }

  /** 503 `provider_unavailable` when the app's provider is down. */
  assertAvailable(app: App): void {
    if (app.health.status !== 'down') return;
    throw new ApiError(
      503,
      'provider_unavailable',
      app.health.message ?? `${app.name} is unavailable right now. Try again later.`,
      { retryAfter: 60 },
    );
  }

  logoUrl(key: string): string {
    return `${this.publicUrl}/logos/${key}.svg`;
  }

  /** Every app matching `query`, best first (every app, in browse order, for an empty query). */
  private ranked(query: string): App[] {
    return this.index
      .search(query, { limit: this.index.size })
      .map((hit) => this.apps.get(hit.app.key)!);
  }

  private present(app: App): App {
    return {
      ...app,
      logoUrl: this.logoUrl(app.key),
      health: this.healthOverrides.get(app.key) ?? this.derivedHealthOf(app) ?? app.health,
    };
  }

  private derivedHealthOf(app: App): ProviderHealth | undefined {
    switch (this.derivedHealth.get(app.key)) {
      case 'down':
        return {
          status: 'down',
          message: `${app.name} is not answering right now. Try again later.`,
        };
      case 'degraded':
        return {
          status: 'degraded',
          message: `${app.name} is failing some requests right now. Connections may be slow or fail for a while.`,
        };
      default:
        return undefined;
    }
  }
}

function healthOf(status: ProviderHealth['status'], message: string | null): ProviderHealth {
  return message ? { status, message } : { status };
}
