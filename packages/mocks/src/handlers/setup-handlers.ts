// A connection's setup after sign-in, as the real server answers it: a select step's live options
// (searched, paged with an opaque cursor), the settings (checked with the contract's checker, each
// chosen option looked up in the service's list) and the check of a step. Scenarios make the
// service fail to list (`setup-options-fail`) or every check fail (`setup-check-fails`).
import type {
  App,
  Connection,
  ConnectionSettings,
  FieldError,
  SetupOption,
  SetupVerification,
} from '@plugboard/contract';
import { checkSettings, type FieldIssue } from '@plugboard/contract/field-check';
import { http } from 'msw';
import { findApp, type MockContext } from '../context.js';
import { isPlainObject, jsonResponse, problemResponse, readJson } from '../http/responses.js';
import { replaceConnection } from '../state/connections.js';
import { serviceOptions, type SelectStep, type ServiceOption } from '../state/setup-options.js';
import { allowsApp, currentSession } from '../state/sessions.js';
import { clip } from '../text.js';
import { demoAccountIdOf } from '../validation/credentials.js';
import { wordsFor } from '../validation/field-values.js';

const PAGE_SIZE = 50;
const CURSOR_PREFIX = 'mock:';

function encodeCursor(offset: number): string {
  return btoa(`${CURSOR_PREFIX}${offset}`);
}

/** The offset a cursor names; undefined when it is not one of ours. */
function decodeCursor(cursor: string): number | undefined {
  let decoded: string;
  try {
    decoded = atob(cursor);
  } catch {
    return undefined;
  }
  const match = /^mock:(\d{1,6})$/.exec(decoded);
  return match ? Number(match[1]) : undefined;
}

function isSettingInput(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.length <= 100 && value.every((item) => typeof item === 'string'))
  );
}

export function setupHandlers(ctx: MockContext) {
  const base = `${ctx.baseUrl}/v1/connections/:id`;
  const target = (request: Request, id: unknown) => {
    const session = currentSession(ctx, request);
    const connection = ctx.state.connections.find(
      (candidate) => candidate.id === id && allowsApp(session, candidate.app),
    );
    const app = connection && findApp(ctx, connection.app);
    return connection && app ? { connection, app } : undefined;
  };
  const optionsOf = (connection: Connection, step: SelectStep): ServiceOption[] =>
    serviceOptions(step, demoAccountIdOf(ctx.state.accounts.get(connection.id)));
  const notFound = (requestId: string, what = 'No such connection.') =>
    problemResponse(requestId, 404, 'not_found', what);

  return [
    http.get(`${base}/setup/:step/options`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const found = target(request, params.id);
      if (!found) return notFound(requestId);
      const step = selectStep(found.app, String(params.step));
      if (!step) return notFound(requestId, 'This step has no options.');
      if (ctx.state.scenario === 'setup-options-fail') {
        return problemResponse(
          requestId,
          502,
          'provider_error',
          clip(`${found.app.name}: the service could not be reached. Try again in a moment.`, 2000),
        );
      }
      const url = new URL(request.url);
      const q = (url.searchParams.get('q') ?? '').trim().toLocaleLowerCase();
      const cursor = url.searchParams.get('cursor');
      const offset = cursor ? decodeCursor(cursor) : 0;
      if (offset === undefined)
        return problemResponse(requestId, 400, 'bad_request', 'The cursor is not valid.');
      const matching = optionsOf(found.connection, step).filter(
        (option) => !q || option.label.toLocaleLowerCase().includes(q),
      );
      const end = offset + PAGE_SIZE;
      return jsonResponse(requestId, 200, {
        items: matching.slice(offset, end).map(({ passes: _passes, ...option }) => option),
        nextCursor: end < matching.length ? encodeCursor(end) : null,
      });
    }),

    http.put(`${base}/settings`, async ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const found = target(request, params.id);
      if (!found) return notFound(requestId);
      const body = await readJson(request);
      const settingsIn = isPlainObject(body) ? body.settings : undefined;
      if (
        !isPlainObject(body) ||
        Object.keys(body).some((key) => key !== 'settings') ||
        !isPlainObject(settingsIn) ||
        Object.keys(settingsIn).length > 50 ||
        !Object.values(settingsIn).every(isSettingInput)
      ) {
        return problemResponse(
          requestId,
          400,
          'bad_request',
          'The body must be { settings } mapping step keys to text, booleans or lists of values.',
        );
      }
      const { app, connection } = found;
      const checked = checkSettings(
        app.setupSteps,
        settingsIn as Parameters<typeof checkSettings>[1],
      );
      if (checked.unknownKeys.length > 0) {
        return problemResponse(
          requestId,
          400,
          'bad_request',
          clip(`Unknown setup steps: ${checked.unknownKeys.join(', ')}.`, 500),
        );
      }
      const issues: FieldIssue[] = [...checked.issues];
      const settings: ConnectionSettings = {};
      for (const step of app.setupSteps) {
        const value = checked.values[step.key];
        if (value === undefined || issues.some((issue) => issue.field === step.key)) continue;
        if (step.type !== 'select' && step.type !== 'multi_select') {
          settings[step.key] = value as string | boolean;
          continue;
        }
        const wanted = Array.isArray(value) ? value : [String(value)];
        const listed = optionsOf(connection, step);
        const chosen = wanted.flatMap((id) => {
          const option = listed.find((candidate) => candidate.value === id);
          return option ? [{ value: option.value, label: option.label } as SetupOption] : [];
        });
        if (chosen.length < wanted.length) issues.push({ field: step.key, code: 'invalid_option' });
        else settings[step.key] = step.type === 'select' ? chosen[0]! : chosen;
      }
      if (issues.length > 0) {
        return problemResponse(
          requestId,
          422,
          'validation_failed',
          'Check the highlighted settings.',
          {
            errors: issues.map((issue) => settingError(app, issue)),
          },
        );
      }
      const saved: Connection = { ...connection, settings, updatedAt: new Date().toISOString() };
      replaceConnection(ctx, saved, 'edit');
      return jsonResponse(requestId, 200, saved);
    }),

    http.post(`${base}/setup/:step/verify`, ({ request, params }) => {
      const requestId = ctx.ids.requestId();
      const found = target(request, params.id);
      if (!found) return notFound(requestId);
      const { app, connection } = found;
      const step = app.setupSteps.find((candidate) => candidate.key === params.step);
      if (!step?.verification) return notFound(requestId, 'This step has no check.');
      return jsonResponse(requestId, 200, verification(ctx, app, connection, step));
    }),
  ];
}

function selectStep(app: App, key: string): SelectStep | undefined {
  const step = app.setupSteps.find((candidate) => candidate.key === key);
  return step?.type === 'select' || step?.type === 'multi_select' ? step : undefined;
}

function verification(
  ctx: MockContext,
  app: App,
  connection: Connection,
  step: App['setupSteps'][number],
): SetupVerification {
  const checkedAt = new Date().toISOString();
  const failed = (message: string, action: string): SetupVerification => ({
    ok: false,
    message: clip(message, 1000),
    action: clip(action, 1000),
    checkedAt,
  });
  if (ctx.state.scenario === 'setup-check-fails') {
    return failed(
      `${app.name} did not confirm “${step.title}”.`,
      `Open ${app.name}, check the setting, then check again.`,
    );
  }
  if (step.type === 'webhook_url') {
    return connection.setup?.lastEventAt
      ? { ok: true, message: `An event from ${app.name} has arrived.`, action: null, checkedAt }
      : failed(
          `No event from ${app.name} has arrived yet.`,
          `Check that the URL is saved in ${app.name}, then send a test event and check again.`,
        );
  }
  const choice = connection.settings?.[step.key];
  if (!choice || typeof choice !== 'object' || Array.isArray(choice)) {
    return failed(
      `Nothing is chosen for “${step.title}” yet.`,
      'Choose one, save, then check again.',
    );
  }
  const listed =
    step.type === 'select' || step.type === 'multi_select'
      ? serviceOptions(step, demoAccountIdOf(ctx.state.accounts.get(connection.id)))
      : [];
  const option = listed.find((candidate) => candidate.value === choice.value);
  return option?.passes
    ? { ok: true, message: `You are a member of ${choice.label}.`, action: null, checkedAt }
    : failed(
        `You are not a member of ${choice.label}, so nothing can be posted there.`,
        `Join ${choice.label} in your workspace, or choose a channel you are in, then check again.`,
      );
}

function settingError(app: App, issue: FieldIssue): FieldError {
  const step = app.setupSteps.find((candidate) => candidate.key === issue.field)!;
  const message =
    issue.code === 'invalid_option'
      ? `That choice is no longer in ${app.name}. Choose again.`
      : wordsFor(issue, step.type === 'text' ? step : {});
  return { field: issue.field, code: issue.code, message: clip(message, 500) };
}
