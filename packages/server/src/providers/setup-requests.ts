// The setup steps of a definition, run by the generic engine: a select step's options (one page per
// request, with the service's cursor or page number and, where the service can, its search) and
// the verification of a saved choice. Values that come from users or services (a cursor, a search
// text, a choice) enter requests only as template values, never as templates.
import type { SetupOption } from '@plugboard/contract';
import type {
  AccountCheck,
  ChoiceVerification,
  OptionSource,
  Request,
} from '@plugboard/contract/provider-definition';
import type {
  ChoiceCheck,
  OptionsPage,
  OptionsPageRequest,
  ServiceOutcome,
} from '../provider/provider-client.js';
import type { ServiceAnswer } from './service-request.js';
import { holds, readPath, renderFromAnswer, renderText, type TemplateValues } from './templates.js';

const DEFAULT_REJECTED_STATUS = [401, 403];
const OPTION_VALUE_MAX = 500;
const OPTION_LABEL_MAX = 300;
const OPTION_DESCRIPTION_MAX = 500;
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;

/** The names under which a page's cursor and search text reach the request's templates. */
const CURSOR_VALUE = '$cursor';
const SEARCH_VALUE = '$search';

/** The request for one page, and the values its added parameters read. */
export function optionsRequest(
  source: OptionSource,
  page: OptionsPageRequest,
): { request: Request; values: TemplateValues } {
  const query: Record<string, string> = { ...source.request.query };
  const json: Record<string, unknown> | undefined = source.request.json && {
    ...source.request.json,
  };
  const values: Record<string, string> = {};
  const put = (where: 'query' | 'json', param: string, name: string, value: string) => {
    values[name] = value;
    if (where === 'query') query[param] = `{${name}}`;
    else if (json) json[param] = `{${name}}`;
  };
  const { paging, search } = source;
  if (paging?.type === 'cursor' && page.cursor)
    put(paging.in, paging.param, CURSOR_VALUE, page.cursor);
  if (paging?.type === 'page') {
    put(
      'query',
      paging.param,
      CURSOR_VALUE,
      PAGE_NUMBER.test(page.cursor ?? '') ? page.cursor! : '1',
    );
  }
  if (search && page.search) put(search.in, search.param, SEARCH_VALUE, page.search);
  return { request: { ...source.request, query, ...(json && { json }) }, values };
}

/** A refusal of the credentials, by the rules of the account check (Slack's `invalid_auth`). */
export function isRejection(check: AccountCheck, answer: ServiceAnswer): boolean {
  if ((check.rejected?.status ?? DEFAULT_REJECTED_STATUS).includes(answer.status)) return true;
  const body = answer.body;
  return (
    body !== null &&
    typeof body === 'object' &&
    (check.rejected?.when ?? []).some((condition) => holds(body, condition))
  );
}

export function readOptions(
  source: OptionSource,
  page: OptionsPageRequest,
  answer: ServiceAnswer,
): ServiceOutcome<OptionsPage> {
  const { status, body } = answer;
  const accepted =
    status >= 200 &&
    status < 300 &&
    body !== null &&
    typeof body === 'object' &&
    (source.success?.when ?? []).every((condition) => holds(body, condition));
  const list = accepted ? (source.items ? readPath(body, source.items) : body) : undefined;
  if (!Array.isArray(list)) {
    return { outcome: 'unreachable', detail: `The service answered ${status} without a list.` };
  }
  const items = list.flatMap((item): SetupOption[] => {
    const value = renderFromAnswer(source.value, item);
    const label = renderFromAnswer(source.label, item);
    if (!value || !label || value.length > OPTION_VALUE_MAX) return [];
    const option: SetupOption = { value, label: label.slice(0, OPTION_LABEL_MAX) };
    const description = source.description && renderFromAnswer(source.description, item);
    if (description) option.description = description.slice(0, OPTION_DESCRIPTION_MAX);
    return [option];
  });
  return {
    outcome: 'ok',
    value: {
      items,
      next: nextPage(source, page, body, list.length),
      searched: Boolean(source.search),
    },
  };
}

function nextPage(
  source: OptionSource,
  page: OptionsPageRequest,
  body: unknown,
  count: number,
): string | null {
  const { paging } = source;
  if (!paging) return null;
  if (paging.type === 'page') {
    const current = PAGE_NUMBER.test(page.cursor ?? '') ? Number(page.cursor) : 1;
    return count >= paging.size ? String(current + 1) : null;
  }
  const next = readPath(body, paging.next);
  return (typeof next === 'string' && next !== '') || typeof next === 'number'
    ? String(next)
    : null;
}

/** The values a verification's templates read: the choice, besides the connection's. */
export function choiceValues(choice: SetupOption): TemplateValues {
  return { 'choice.value': choice.value, 'choice.label': choice.label };
}

export function readVerification(
  verification: ChoiceVerification,
  choice: SetupOption,
  answer: ServiceAnswer,
): ServiceOutcome<ChoiceCheck> {
  const { status, body } = answer;
  const statusOk = verification.success?.status
    ? verification.success.status.includes(status)
    : status >= 200 && status < 300;
  // A 404 for the chosen item is an answer too: it is gone, or not visible to this account.
  if (!statusOk && status !== 404) {
    return { outcome: 'unreachable', detail: `The service answered ${status}.` };
  }
  const passed =
    statusOk &&
    body !== null &&
    typeof body === 'object' &&
    (verification.success?.when ?? []).every((condition) => holds(body, condition));
  const values = choiceValues(choice);
  return {
    outcome: 'ok',
    value: passed
      ? { passed, message: renderText(verification.passed, values), action: null }
      : {
          passed,
          message: renderText(verification.failed, values),
          action: renderText(verification.action, values),
        },
  };
}
