// A scripted client and credential form for the connect flow's unit tests: every request waits
// until the test settles it, so a test decides the order in which answers land (late ones too).
// Test-only; excluded from the published package.
import type {
  App,
  AuthMethod,
  Connection,
  FieldValues,
  SettingInput,
  SetupOptionPage,
  SetupVerification,
  TestResult,
  UpdateConnectionRequest,
} from '@plugboard/contract';
import type {
  ConnectFlowClient,
  CredentialsForm,
  CredentialsPrefill,
} from '../connect-flow/connect-flow-types.js';
import type {
  CreateConnectionInput,
  RequestOptions,
  SetupOptionsQuery,
} from '../connections/connection-store.js';
import { createEventStream, type PlugboardEvent } from '../events.js';
import type {
  OAuthApp,
  OAuthFlowHandle,
  OAuthResult,
  StartOAuthOptions,
} from '../oauth/oauth-types.js';

/** Lets every pending promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One request the code under test made; it waits for `resolve` or `reject`. */
export interface ScriptedCall<A extends unknown[], T> {
  readonly args: A;
  /** The signal the request was given (the fake does not abort by itself, so a late answer can land). */
  readonly signal: AbortSignal | undefined;
  resolve(value: T): Promise<void>;
  reject(error: unknown): Promise<void>;
}

export class ScriptedCalls<A extends unknown[], T> {
  readonly calls: ScriptedCall<A, T>[] = [];

  constructor(private readonly signalOf: (args: A) => AbortSignal | undefined) {}

  readonly call = (...args: A): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      this.calls.push({
        args,
        signal: this.signalOf(args),
        resolve: async (value) => {
          resolve(value);
          await settle();
        },
        reject: async (error) => {
          reject(error);
          await settle();
        },
      });
    });

  get last(): ScriptedCall<A, T> {
    const call = this.calls.at(-1);
    if (!call) throw new Error('no call was made');
    return call;
  }
}

/** One OAuth flow the code under test started. */
export interface FakeOAuthFlow extends OAuthFlowHandle {
  readonly app: string;
  readonly options: StartOAuthOptions;
  readonly cancelled: boolean;
  readonly reopened: number;
  /** Settles the flow (as core does once the backend knows how it ended). */
  finish(result: OAuthResult): Promise<void>;
}

export interface FakeConnectClient extends ConnectFlowClient {
  readonly apps: ScriptedCalls<[string, { signal?: AbortSignal }?], App>;
  readonly gets: ScriptedCalls<[string, RequestOptions?], Connection>;
  readonly creates: ScriptedCalls<
    [CreateConnectionInput, (RequestOptions & { idempotencyKey?: string })?],
    Connection
  >;
  readonly updates: ScriptedCalls<[string, UpdateConnectionRequest, RequestOptions?], Connection>;
  readonly tests: ScriptedCalls<[string, RequestOptions?], TestResult>;
  readonly options: ScriptedCalls<
    [string, string, SetupOptionsQuery?, RequestOptions?],
    SetupOptionPage
  >;
  readonly saves: ScriptedCalls<
    [string, Record<string, SettingInput>, RequestOptions?],
    Connection
  >;
  readonly verifications: ScriptedCalls<[string, string, RequestOptions?], SetupVerification>;
  readonly flows: FakeOAuthFlow[];
  /** Connections `connections.find` knows without a request. */
  readonly known: Map<string, Connection>;
  /** Whether the next popup opens or the browser blocks it. */
  nextPopup: 'open' | 'blocked';
  /** Every event emitted on the client's stream, in order. */
  readonly emitted: PlugboardEvent[];
}

export function fakeConnectClient(): FakeConnectClient {
  const events = createEventStream({ sessionId: 'test-session', now: () => 0 });
  const emitted: PlugboardEvent[] = [];
  events.subscribe((event) => emitted.push(event));
  const known = new Map<string, Connection>();
  const apps = new ScriptedCalls<[string, { signal?: AbortSignal }?], App>(
    ([, opts]) => opts?.signal,
  );
  const gets = new ScriptedCalls<[string, RequestOptions?], Connection>(([, opts]) => opts?.signal);
  const creates = new ScriptedCalls<
    [CreateConnectionInput, (RequestOptions & { idempotencyKey?: string })?],
    Connection
  >(([, opts]) => opts?.signal);
  const updates = new ScriptedCalls<[string, UpdateConnectionRequest, RequestOptions?], Connection>(
    ([, , opts]) => opts?.signal,
  );
  const tests = new ScriptedCalls<[string, RequestOptions?], TestResult>(
    ([, opts]) => opts?.signal,
  );
  const options = new ScriptedCalls<
    [string, string, SetupOptionsQuery?, RequestOptions?],
    SetupOptionPage
  >(([, , , opts]) => opts?.signal);
  const saves = new ScriptedCalls<
    [string, Record<string, SettingInput>, RequestOptions?],
    Connection
  >(([, , opts]) => opts?.signal);
  const verifications = new ScriptedCalls<[string, string, RequestOptions?], SetupVerification>(
    ([, , opts]) => opts?.signal,
  );
  const flows: FakeOAuthFlow[] = [];

  const client: FakeConnectClient = {
    apps,
    gets,
    creates,
    updates,
    tests,
    options,
    saves,
    verifications,
    flows,
    known,
    nextPopup: 'open',
    emitted,
    events,
    getApp: apps.call,
    connections: {
      find: (id) => known.get(id),
      get: gets.call,
      create: creates.call,
      update: updates.call,
      test: tests.call,
      setupOptions: options.call,
      saveSettings: saves.call,
      verifySetup: verifications.call,
    },
    startOAuth(app: OAuthApp, options: StartOAuthOptions = {}) {
      const flow = fakeFlow(
        app.key,
        options,
        client.nextPopup === 'open' && options.mode !== 'redirect',
      );
      flows.push(flow);
      return flow;
    },
  };
  return client;
}

function fakeFlow(app: string, options: StartOAuthOptions, popupOpened: boolean): FakeOAuthFlow {
  let settleResult: (result: OAuthResult) => void = () => {};
  const result = new Promise<OAuthResult>((resolve) => (settleResult = resolve));
  const flow = {
    app,
    options,
    popupOpened,
    result,
    cancelled: false,
    reopened: 0,
    reopen() {
      flow.reopened += 1;
    },
    // As core does: cancelling settles the result, which the flow must then ignore.
    cancel() {
      flow.cancelled = true;
      settleResult({ status: 'cancelled', reason: 'user' });
    },
    async finish(outcome: OAuthResult) {
      settleResult(outcome);
      await settle();
    },
  };
  return flow;
}

/** A credential form whose checks pass when `values` is set. */
export class FakeForm implements CredentialsForm {
  /** What the next submit returns: undefined plays a form whose own checks failed. */
  values: FieldValues | undefined = { token: 'secret-token' };
  hasUnsavedInput = false;
  method: AuthMethod | undefined;
  readonly resets: (AuthMethod | undefined)[] = [];
  /** What each reset was given to show of an updated connection. */
  readonly prefills: (CredentialsPrefill | undefined)[] = [];
  readonly fieldErrors: ReadonlyMap<string, string>[] = [];
  submits = 0;

  reset(method: AuthMethod | undefined, prefill?: CredentialsPrefill): void {
    this.method = method;
    this.hasUnsavedInput = false;
    this.resets.push(method);
    this.prefills.push(prefill);
  }

  submit(): FieldValues | undefined {
    this.submits += 1;
    return this.values;
  }

  showFieldErrors(errors: ReadonlyMap<string, string>): void {
    this.fieldErrors.push(errors);
  }
}
