// What the fault page (faults.html) reads from its URL, shared with the tests that open it.

/** The elements the page mounts: the picker, and the connect dialog opened on DIALOG_APP_KEY. */
export type FaultPageElement = 'picker' | 'dialog';

/** An API-key app whose form has a select, a text field and a secret. */
export const DIALOG_APP_KEY = 'mailgun';

export interface FaultPageParams {
  readonly elements: readonly FaultPageElement[];
  /** The client's per-request timeout (default: core's 15 s). */
  readonly timeoutMs?: number;
}

export function toSearchParams(params: FaultPageParams): Record<string, string> {
  return {
    elements: params.elements.join(','),
    ...(params.timeoutMs ? { timeoutMs: String(params.timeoutMs) } : {}),
  };
}

export function fromSearchParams(search: URLSearchParams): FaultPageParams {
  const timeoutMs = Number(search.get('timeoutMs'));
  return {
    elements: (search.get('elements') ?? '')
      .split(',')
      .filter((name): name is FaultPageElement => name === 'picker' || name === 'dialog'),
    timeoutMs: timeoutMs > 0 ? timeoutMs : undefined,
  };
}
