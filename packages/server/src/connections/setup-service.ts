// A connection's setup after sign-in, without signing in again: a select step's options fetched
// live from the service (searched, paged), the settings saved (their shape checked by the
// contract's checker, each chosen option looked up in the service's list so its label is the
// service's), and the check of a step (a choice, or that a webhook event arrived).
import type {
  App,
  Connection,
  ConnectionSettings,
  FieldError,
  SetupOption,
  SetupOptionPage,
  SetupStep,
  SetupVerification,
  UpdateSettingsRequest,
} from '@plugboard/contract';
import {
  checkSettings,
  settingsStepField,
  type FieldIssue,
  type SettingsStep,
} from '@plugboard/contract/field-check';
import type { CatalogService } from '../catalog/catalog-service.js';
import { ApiError } from '../http/api-error.js';
import type { UsageLimits } from '../limits/usage-limits.js';
import type {
  OptionsPage,
  ProviderClient,
  ProviderCredential,
} from '../provider/provider-client.js';
import type { SessionRecord } from '../sessions/session-record.js';
import type { ConnectionRecord } from './connection-record.js';
import type { ConnectionService } from './connection-service.js';
import { describeIssue } from './field-validation.js';

/** A page the widget shows at once; a local search fills up to it. */
const PAGE_TARGET = 50;
const PAGE_MAX = 200;
/** Service pages read for one answer while searching a list the service cannot search. */
const SEARCH_CALLS_MAX = 5;
/** Service pages read to find the options a user chose, before giving up on one. */
const LOOKUP_CALLS_MAX = 20;
const CURSOR_PREFIX = 'v1:';
const MESSAGE_MAX = 500;

type SelectStep = Extract<SetupStep, { type: 'select' | 'multi_select' }>;

export interface SetupServiceDeps {
  connections: ConnectionService;
  catalog: CatalogService;
  limits: UsageLimits;
  now: () => number;
}

export class SetupService {
  constructor(private readonly deps: SetupServiceDeps) {}

  async options(
    session: SessionRecord,
    id: string,
    stepKey: string,
    query: { q?: string; cursor?: string },
  ): Promise<SetupOptionPage> {
    const { app, record } = await this.target(session, id);
    const step = selectStep(app, stepKey);
    const search = (query.q ?? '').trim();
    let cursor = query.cursor ? decodeCursor(query.cursor) : null;
    let current = record;
    const items: SetupOption[] = [];
    for (let call = 0; call < SEARCH_CALLS_MAX; call += 1) {
      await this.deps.limits.setupCall(session, app.key);
      const { page, refreshed } = await this.page(app, current, step, { cursor, search });
      current = refreshed ?? current;
      items.push(...(page.searched ? page.items : page.items.filter(labelHas(search))));
      cursor = page.next;
      // Without a search, the service's page is the answer; a local search reads on to fill one.
      if (!cursor || page.searched || !search || items.length >= PAGE_TARGET) break;
    }
    return {
      items: items.slice(0, PAGE_MAX),
      nextCursor: cursor === null ? null : encodeCursor(cursor),
    };
  }

  async save(
    session: SessionRecord,
    id: string,
    request: UpdateSettingsRequest,
  ): Promise<Connection> {
    const { app, record } = await this.target(session, id);
    const { values, issues, unknownKeys } = checkSettings(app.setupSteps, request.settings);
    if (unknownKeys.length > 0) {
      throw new ApiError(
        400,
        'bad_request',
        `${app.name} has no setup step ${unknownKeys.join(', ').slice(0, 300)}.`,
      );
    }
    const settings: ConnectionSettings = {};
    const found = [...issues];
    for (const step of app.setupSteps) {
      const value = values[step.key];
      if (value === undefined || found.some((issue) => issue.field === step.key)) continue;
      if (step.type !== 'select' && step.type !== 'multi_select') {
        // Text and checkbox steps hold text or a boolean (checkSettings typed them).
        settings[step.key] = value as string | boolean;
        continue;
      }
      const wanted = Array.isArray(value) ? value : [String(value)];
      const options = await this.chosenOptions(session, app, record, step, wanted);
      if (options.length < wanted.length) found.push({ field: step.key, code: 'invalid_option' });
      else settings[step.key] = step.type === 'select' ? options[0]! : options;
    }
    if (found.length > 0) {
      throw new ApiError(422, 'validation_failed', 'Check the highlighted settings.', {
        errors: found.map((issue) => fieldError(app, issue)),
      });
    }
    const saved = await this.deps.connections.rewrite(
      session.userId,
      id,
      'edit',
      async (latest) => ({
        ...latest,
        settings,
        updatedAt: new Date(this.deps.now()).toISOString(),
      }),
    );
    return this.deps.connections.toWire(saved);
  }

  async verify(session: SessionRecord, id: string, stepKey: string): Promise<SetupVerification> {
    const { app, record } = await this.target(session, id);
    const step = app.setupSteps.find((candidate) => candidate.key === stepKey);
    if (!step?.verification) {
      throw new ApiError(404, 'not_found', `${app.name} has no check for the step ${stepKey}.`);
    }
    const checkedAt = new Date(this.deps.now()).toISOString();
    if (step.type === 'webhook_url') {
      return record.lastEventAt
        ? { ok: true, message: `An event from ${app.name} has arrived.`, action: null, checkedAt }
        : {
            ok: false,
            message: `No event from ${app.name} has arrived yet.`,
            action: `Check that the URL is saved in ${app.name}, then send a test event (or change something there) and check again.`,
            checkedAt,
          };
    }
    const choice = record.settings[step.key];
    if (!isOption(choice)) {
      return {
        ok: false,
        message: `Nothing is chosen for “${step.title}” yet.`,
        action: 'Choose one, save, then check again.',
        checkedAt,
      };
    }
    await this.deps.limits.setupCall(session, app.key);
    const outcome = await this.deps.connections.calls.call(app, record, (client, credential) =>
      client.verifyChoice(step.key, credential, choice),
    );
    if (!outcome.ok) throw new ApiError(502, 'provider_error', outcome.failure.message);
    const { passed, message, action } = outcome.value;
    return { ok: passed, message, action, checkedAt };
  }

  private async target(session: SessionRecord, id: string) {
    const record = await this.deps.connections.load(session, id);
    return { record, app: this.deps.catalog.get(session, record.app) };
  }

  /** One page of the service's options; a failure is the user's 502 with what to do. */
  private async page(
    app: App,
    record: ConnectionRecord,
    step: SelectStep,
    request: { cursor: string | null; search: string },
  ): Promise<{ page: OptionsPage; refreshed: ConnectionRecord | undefined }> {
    this.deps.catalog.assertAvailable(app);
    const ask = (client: ProviderClient, credential: ProviderCredential) =>
      client.setupOptions(step.key, credential, request);
    const outcome = await this.deps.connections.calls.call(app, record, ask);
    if (!outcome.ok) throw new ApiError(502, 'provider_error', outcome.failure.message);
    return { page: outcome.value, refreshed: outcome.refreshed };
  }

  /**
   * The options for `wanted` values, with the service's labels: the saved ones as they are, the
   * others looked up in the service's list, page by page. Fewer than asked when one is not there.
   */
  private async chosenOptions(
    session: SessionRecord,
    app: App,
    record: ConnectionRecord,
    step: SelectStep,
    wanted: string[],
  ): Promise<SetupOption[]> {
    const saved = record.settings[step.key];
    const known = new Map(
      (Array.isArray(saved) ? saved : isOption(saved) ? [saved] : []).map((option) => [
        option.value,
        option,
      ]),
    );
    let cursor: string | null = null;
    let current = record;
    for (let call = 0; wanted.some((value) => !known.has(value)); call += 1) {
      if (call > 0 && cursor === null) break;
      if (call >= LOOKUP_CALLS_MAX) break;
      await this.deps.limits.setupCall(session, app.key);
      const { page, refreshed } = await this.page(app, current, step, { cursor, search: '' });
      current = refreshed ?? current;
      for (const option of page.items)
        if (wanted.includes(option.value)) known.set(option.value, option);
      cursor = page.next;
    }
    return wanted.flatMap((value) => {
      const option = known.get(value);
      return option ? [option] : [];
    });
  }
}

function selectStep(app: App, key: string): SelectStep {
  const step = app.setupSteps.find((candidate) => candidate.key === key);
  if (step?.type !== 'select' && step?.type !== 'multi_select') {
    throw new ApiError(404, 'not_found', `${app.name} has no step ${key} with options.`);
  }
  return step;
}

function labelHas(search: string): (option: SetupOption) => boolean {
  const wanted = search.toLocaleLowerCase();
  return (option) => !wanted || option.label.toLocaleLowerCase().includes(wanted);
}

function isOption(value: unknown): value is SetupOption {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value;
}

function encodeCursor(serviceCursor: string): string {
  return Buffer.from(`${CURSOR_PREFIX}${serviceCursor}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length === CURSOR_PREFIX.length) {
    throw new ApiError(400, 'bad_request', 'The cursor is not valid.');
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

function fieldError(app: App, issue: FieldIssue): FieldError {
  const step = app.setupSteps.find((candidate) => candidate.key === issue.field) as SettingsStep;
  const field =
    step.type === 'text' || step.type === 'checkbox'
      ? settingsStepField(step)
      : { label: step.title, patternHint: undefined };
  const message =
    issue.code === 'invalid_option'
      ? `${step.title}: that choice is no longer in ${app.name}. Choose again.`
      : describeIssue(issue, field);
  return { field: issue.field, code: issue.code, message: message.slice(0, MESSAGE_MAX) };
}
