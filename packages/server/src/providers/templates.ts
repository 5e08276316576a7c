// The small template language of provider definitions: `{name}` placeholders filled from a set of
// values, JSON paths into answers (`data.user.id`, `0.id`), and conditions on them.
import type { Condition } from '@plugboard/contract/provider-definition';

export type TemplateValues = Readonly<Record<string, string | undefined>>;

/** A definition asked for a value the connection does not have. */
export class MissingValueError extends Error {
  constructor(readonly valueName: string) {
    super(`The definition needs “${valueName}”, which this connection does not have.`);
    this.name = 'MissingValueError';
  }
}

const PLACEHOLDER = /\{([A-Za-z0-9_.$-]+)\}/g;

function valueOf(values: TemplateValues, name: string): string {
  const value = values[name];
  if (value === undefined) throw new MissingValueError(name);
  return value;
}

/** For headers and bodies: values inserted as they are. */
export function renderText(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_, name: string) => valueOf(values, name));
}

/**
 * For URLs: a placeholder at the very start stands for a whole origin (a Salesforce instance URL,
 * a self-hosted GitLab) and must be an http(s) URL; a placeholder in the host must be host name
 * characters (a subdomain); every other value is percent-encoded (a colon kept, as Telegram's bot
 * tokens need), so a typed value can never add a host, a path or a query.
 */
export function renderUrl(template: string, values: TemplateValues): URL {
  let origin = '';
  let rest = template;
  const leading = /^\{([A-Za-z0-9_.$-]+)\}/.exec(template);
  if (leading) {
    const base = new URL(valueOf(values, leading[1]!));
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new TypeError(`“${leading[1]}” is not a web address.`);
    }
    origin = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
    rest = template.slice(leading[0].length);
  }
  const authorityEnd = origin ? 0 : authorityEndOf(rest);
  const authority = rest.slice(0, authorityEnd).replace(PLACEHOLDER, (_, name: string) => {
    const value = valueOf(values, name);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value)) {
      throw new TypeError(`“${name}” is not a host name.`);
    }
    return value;
  });
  const path = rest
    .slice(authorityEnd)
    .replace(PLACEHOLDER, (_, name: string) =>
      encodeURIComponent(valueOf(values, name)).replaceAll('%3A', ':'),
    );
  return new URL(origin + authority + path);
}

/** Where `https://host…` ends: the first slash, question mark or hash after the scheme. */
function authorityEndOf(template: string): number {
  const start = template.indexOf('://');
  const from = start === -1 ? 0 : start + 3;
  const end = template.slice(from).search(/[/?#]/);
  return end === -1 ? template.length : from + end;
}

/** The value at a dot path; digits index arrays. */
export function readPath(answer: unknown, path: string): unknown {
  let node = answer;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function holds(answer: unknown, condition: Condition): boolean {
  const value = readPath(answer, condition.path);
  if ('equals' in condition) return value === condition.equals;
  if (condition.in) return condition.in.includes(value as string | number | boolean);
  const present = value !== undefined && value !== null;
  return present === condition.present;
}

/** Account templates over an answer (`{team_id}:{user_id}`); null when a part is missing or empty. */
export function renderFromAnswer(template: string, answer: unknown): string | null {
  let complete = true;
  const rendered = template.replace(PLACEHOLDER, (_, path: string) => {
    const value = readPath(answer, path);
    const part = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (part === '') complete = false;
    return part;
  });
  return complete ? rendered : null;
}

/** Every value of a map rendered as text. */
export function renderMap(
  map: Readonly<Record<string, string>> | undefined,
  values: TemplateValues,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, template] of Object.entries(map ?? {}))
    out[name] = renderText(template, values);
  return out;
}

/** A JSON body whose strings are templates. */
export function renderJson(body: unknown, values: TemplateValues): unknown {
  if (typeof body === 'string') return renderText(body, values);
  if (Array.isArray(body)) return body.map((item) => renderJson(item, values));
  if (body && typeof body === 'object') {
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, renderJson(value, values)]),
    );
  }
  return body;
}
