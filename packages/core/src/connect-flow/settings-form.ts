// The setup choices after sign-in (and later, from "Settings"): a select step's live options
// (loaded, searched, paged, refreshed), the values the user picks or types, the contract's checks
// before sending, the save, and the checks of the steps that can be verified. Plain TypeScript:
// the connect flow holds one per settings view, and a view draws `state`.
import type {
  Connection,
  SettingInput,
  SettingValue,
  SetupOption,
  SetupStep,
  SetupVerification,
} from '@plugboard/contract';
import {
  checkSettings,
  isSettingsStep,
  type FieldIssue,
  type SettingsStep,
} from '@plugboard/contract/field-check';
import { linkedController } from '../abort.js';
import { HttpError, toPlugboardError, type PlugboardError } from '../errors.js';
import type { ConnectFlowClient } from './connect-flow-types.js';

/** What the user has chosen or typed for a step, before it is saved. */
export type SettingDraft = string | boolean | string[];

/** The options of one select step as loaded so far, for the search `query`. */
export interface OptionsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly query: string;
  readonly items: readonly SetupOption[];
  /** More options after these (the service's next page); null when all are here. */
  readonly nextCursor: string | null;
  /** A next page is on its way (the items stay shown meanwhile). */
  readonly loadingMore: boolean;
  readonly error: PlugboardError | undefined;
}

/** A step's check: running, its answer, or a failure to ask. */
export type StepCheck =
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly result: SetupVerification }
  | { readonly status: 'error'; readonly error: PlugboardError };

/** Why a step's value cannot be saved: the contract's code (worded by the view) or the backend's words. */
export type SettingProblem = { readonly issue: FieldIssue } | { readonly message: string };

export interface SettingsFormState {
  readonly connection: Connection;
  /** The steps whose values are settings, in order (webhook steps are their own view). */
  readonly steps: readonly SettingsStep[];
  readonly values: Readonly<Record<string, SettingDraft>>;
  /** The options chosen, with their labels, by step key (from the saved settings or the lists). */
  readonly chosen: Readonly<Record<string, readonly SetupOption[]>>;
  readonly options: Readonly<Record<string, OptionsState>>;
  readonly problems: Readonly<Record<string, SettingProblem>>;
  readonly checks: Readonly<Record<string, StepCheck>>;
  readonly saving: boolean;
  /** The last save failed in a way not tied to one step (network, 5xx…). */
  readonly saveError: PlugboardError | undefined;
  /** The values shown are the ones saved. */
  readonly saved: boolean;
}

/** A step's options before its first load. */
export const EMPTY_OPTIONS: OptionsState = {
  status: 'idle',
  query: '',
  items: [],
  nextCursor: null,
  loadingMore: false,
  error: undefined,
};

/** The settings steps of an app's setup steps. */
export function settingsSteps(steps: readonly SetupStep[]): SettingsStep[] {
  return steps.filter(isSettingsStep);
}

/** Whether a required settings step has no saved value: setup must be shown again. */
export function settingsIncomplete(steps: readonly SetupStep[], connection: Connection): boolean {
  const saved = connection.settings ?? {};
  return settingsSteps(steps).some((step) => step.required && saved[step.key] === undefined);
}

export class SettingsForm {
  #state: SettingsFormState;
  /** One search (or page) per step at a time: a newer one aborts the older. */
  readonly #loads = new Map<string, AbortController>();

  constructor(
    connection: Connection,
    steps: readonly SetupStep[],
    private readonly options: {
      client: () => ConnectFlowClient | undefined;
      /** Aborted when the flow's run ends. */
      signal: AbortSignal;
      onChange: () => void;
    },
  ) {
    const shown = settingsSteps(steps);
    this.#state = {
      connection,
      steps: shown,
      values: draftsOf(shown, connection),
      chosen: chosenOf(shown, connection),
      options: Object.fromEntries(
        shown.filter(hasOptions).map((step) => [step.key, EMPTY_OPTIONS]),
      ),
      problems: {},
      checks: {},
      saving: false,
      saveError: undefined,
      saved: true,
    };
  }

  get state(): SettingsFormState {
    return this.#state;
  }

  /** Values typed or chosen and not saved yet: closing asks first. */
  get hasUnsavedInput(): boolean {
    return !this.#state.saved;
  }

  /** Loads the first page of every select step, so the lists are there when the user opens them. */
  loadAll(): void {
    for (const step of this.#state.steps) if (hasOptions(step)) void this.#load(step.key, '', null);
  }

  /** The options of `stepKey` whose label contains `query` (the service searches when it can). */
  search(stepKey: string, query: string): void {
    void this.#load(stepKey, query.trim(), null);
  }

  /** Asks the service again for the current search: the list may have changed there. */
  refresh(stepKey: string): void {
    void this.#load(stepKey, this.#options(stepKey).query, null);
  }

  /** The next page of the current search, added to the list. */
  loadMore(stepKey: string): void {
    const current = this.#options(stepKey);
    if (!current.nextCursor || current.loadingMore || current.status === 'loading') return;
    void this.#load(stepKey, current.query, current.nextCursor);
  }

  /**
   * Sets a step's value: text, a checkbox, a select's option value (`''` clears it) or, for a
   * multi-select, toggles one option value in its list.
   */
  choose(stepKey: string, value: string | boolean): void {
    const step = this.#state.steps.find((candidate) => candidate.key === stepKey);
    if (!step) return;
    // A new value answers the step's problem, and its last check was of the old one.
    const { [stepKey]: _solved, ...problems } = this.#state.problems;
    const { [stepKey]: _stale, ...checks } = this.#state.checks;
    const patch: { -readonly [K in keyof SettingsFormState]?: SettingsFormState[K] } = {
      problems,
      checks,
      saved: false,
    };
    if (step.type === 'multi_select' && typeof value === 'string') {
      const current = asList(this.#state.values[stepKey]);
      const next = current.includes(value)
        ? current.filter((item) => item !== value)
        : [...current, value];
      patch.values = { ...this.#state.values, [stepKey]: next };
      patch.chosen = { ...this.#state.chosen, [stepKey]: this.#optionsFor(stepKey, next) };
    } else {
      patch.values = { ...this.#state.values, [stepKey]: value };
      if (step.type === 'select') {
        const picked = typeof value === 'string' && value ? [value] : [];
        patch.chosen = { ...this.#state.chosen, [stepKey]: this.#optionsFor(stepKey, picked) };
      }
    }
    this.#set(patch);
  }

  /** Checks the values as the backend will (the contract's checker), then saves them. */
  async save(): Promise<boolean> {
    const client = this.options.client();
    if (!client || this.#state.saving) return false;
    const { steps, values, connection } = this.#state;
    const checked = checkSettings(steps, values);
    if (checked.issues.length > 0) {
      this.#set({
        problems: Object.fromEntries(checked.issues.map((issue) => [issue.field, { issue }])),
      });
      return false;
    }
    this.#set({ saving: true, saveError: undefined, problems: {} });
    try {
      const saved = await client.connections.saveSettings(
        connection.id,
        checked.values as Record<string, SettingInput>,
        { signal: this.options.signal },
      );
      this.#set({
        saving: false,
        saved: true,
        connection: saved,
        chosen: chosenOf(steps, saved),
      });
      return true;
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (error.code === 'aborted') return false;
      const fieldErrors = error instanceof HttpError ? (error.problem.errors ?? []) : [];
      const known = fieldErrors.filter((found) => steps.some((step) => step.key === found.field));
      this.#set({
        saving: false,
        problems: Object.fromEntries(
          known.map((found) => [found.field, { message: found.message }]),
        ),
        saveError: known.length > 0 ? undefined : error,
      });
      return false;
    }
  }

  /** Checks every saved step that has a verification. */
  async checkAll(): Promise<void> {
    const verifiable = this.#state.steps.filter((step) => step.verification);
    await Promise.all(verifiable.map((step) => this.check(step.key)));
  }

  /** Checks one step as saved ("Check again"). */
  async check(stepKey: string): Promise<StepCheck | undefined> {
    const client = this.options.client();
    if (!client) return undefined;
    this.#setCheck(stepKey, { status: 'checking' });
    let outcome: StepCheck;
    try {
      const result = await client.connections.verifySetup(this.#state.connection.id, stepKey, {
        signal: this.options.signal,
      });
      outcome = { status: 'done', result };
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (error.code === 'aborted') return undefined;
      outcome = { status: 'error', error };
    }
    this.#setCheck(stepKey, outcome);
    return outcome;
  }

  /** Every check that ran passed (true when there are none). */
  get checksPassed(): boolean {
    return Object.values(this.#state.checks).every(
      (check) => check.status === 'done' && check.result.ok,
    );
  }

  /** Stops the loads still running (the view closed). */
  stop(): void {
    for (const load of this.#loads.values()) load.abort();
    this.#loads.clear();
  }

  async #load(stepKey: string, query: string, cursor: string | null): Promise<void> {
    const client = this.options.client();
    if (!client || !this.#state.options[stepKey]) return;
    this.#loads.get(stepKey)?.abort();
    const { controller: load, dispose } = linkedController([this.options.signal]);
    this.#loads.set(stepKey, load);
    const { signal } = load;
    const before = this.#options(stepKey);
    this.#setOptions(
      stepKey,
      cursor
        ? { ...before, loadingMore: true, error: undefined }
        : {
            ...EMPTY_OPTIONS,
            status: 'loading',
            query,
            items: before.query === query ? before.items : [],
          },
    );
    try {
      const page = await client.connections.setupOptions(
        this.#state.connection.id,
        stepKey,
        { q: query, cursor },
        { signal },
      );
      if (signal.aborted) return;
      const items = cursor ? [...before.items, ...page.items] : page.items;
      this.#setOptions(stepKey, {
        status: 'ready',
        query,
        items,
        nextCursor: page.nextCursor,
        loadingMore: false,
        error: undefined,
      });
    } catch (caught) {
      const error = toPlugboardError(caught);
      if (signal.aborted || error.code === 'aborted') return;
      // A failed next page keeps what is shown; a failed first page shows the error.
      this.#setOptions(
        stepKey,
        cursor
          ? { ...before, loadingMore: false, error }
          : { ...EMPTY_OPTIONS, status: 'error', query, error },
      );
    } finally {
      dispose();
      if (this.#loads.get(stepKey) === load) this.#loads.delete(stepKey);
    }
  }

  #options(stepKey: string): OptionsState {
    return this.#state.options[stepKey] ?? EMPTY_OPTIONS;
  }

  /** The options for `values`, with labels from the lists loaded or the ones already chosen. */
  #optionsFor(stepKey: string, values: readonly string[]): SetupOption[] {
    const known = [...(this.#state.chosen[stepKey] ?? []), ...this.#options(stepKey).items];
    return values.map(
      (value) => known.find((option) => option.value === value) ?? { value, label: value },
    );
  }

  #setOptions(stepKey: string, next: OptionsState): void {
    this.#set({ options: { ...this.#state.options, [stepKey]: next } });
  }

  #setCheck(stepKey: string, check: StepCheck): void {
    this.#set({ checks: { ...this.#state.checks, [stepKey]: check } });
  }

  #set(patch: Partial<SettingsFormState>): void {
    this.#state = { ...this.#state, ...patch };
    this.options.onChange();
  }
}

function hasOptions(step: SettingsStep): boolean {
  return step.type === 'select' || step.type === 'multi_select';
}

function asList(value: SettingDraft | undefined): string[] {
  return Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
}

function isOption(value: SettingValue | undefined): value is SetupOption {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionsOf(value: SettingValue | undefined): SetupOption[] {
  if (Array.isArray(value)) return value;
  return isOption(value) ? [value] : [];
}

/** What the form starts with: the saved settings, else each step's default. */
function draftsOf(
  steps: readonly SettingsStep[],
  connection: Connection,
): Record<string, SettingDraft> {
  const saved = connection.settings ?? {};
  return Object.fromEntries(
    steps.map((step): [string, SettingDraft] => {
      const value = saved[step.key];
      switch (step.type) {
        case 'select':
          return [step.key, isOption(value) ? value.value : ''];
        case 'multi_select':
          return [step.key, optionsOf(value).map((option) => option.value)];
        case 'checkbox':
          return [step.key, typeof value === 'boolean' ? value : (step.default ?? false)];
        case 'text':
          return [step.key, typeof value === 'string' ? value : (step.default ?? '')];
      }
    }),
  );
}

function chosenOf(
  steps: readonly SettingsStep[],
  connection: Connection,
): Record<string, SetupOption[]> {
  const saved = connection.settings ?? {};
  return Object.fromEntries(
    steps.filter(hasOptions).map((step) => [step.key, optionsOf(saved[step.key])]),
  );
}
