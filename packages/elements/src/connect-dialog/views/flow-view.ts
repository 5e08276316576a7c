import { html, nothing, type TemplateResult } from 'lit';
import type { AuthMethod } from '@plugboard/contract';
import type { ConnectFlow, ConnectFlowState, PlugboardError } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import type { CredentialsStep } from '../credentials-step.js';
import type { SetupStep } from '../setup-step.js';
import { credentialForm } from './credential-form.js';
import { methodChoiceView } from './method-choice.js';
import {
  duplicateView,
  missingScopesView,
  oauthBlockedView,
  oauthDeclinedView,
  oauthIntroView,
  oauthWaitingView,
} from './oauth-views.js';
import { setupView } from './setup-view.js';
import {
  degradedNotice,
  failureView,
  loadingView,
  sessionExpiredView,
  successView,
  testFailedView,
  testingView,
  unavailableView,
} from './status-views.js';

export interface FlowViewProps {
  t: Translate;
  state: ConnectFlowState;
  /** Where the views' buttons go. */
  flow: ConnectFlow;
  /** The credential form's values, messages and revealed secrets. */
  form: CredentialsStep;
  setup: SetupStep;
  /** The element could not get a client (missing backend URL…): nothing else can show. */
  configError: PlugboardError | undefined;
  /** The messages are loaded. */
  ready: boolean;
  /** A failed load will be retried once the browser is back online. */
  retriesWhenOnline: boolean;
  /** Joins items as the locale lists them ("a, b and c"). */
  list(items: string[]): string;
}

/** The current step of the connect flow: one view per `ConnectView`, its buttons wired to the flow. */
export function flowView(props: FlowViewProps): TemplateResult {
  const { t, state, flow } = props;
  const { view, app, method } = state;
  if (props.configError) return failureView(t, props.configError, undefined);
  if (!props.ready) return loadingView(t);
  // A failed load has no app to show yet (only its key): the error must not wait for one.
  if (view.name === 'load-error')
    return failureView(t, view.error, () => flow.restart(), props.retriesWhenOnline);
  if (view.name === 'resume-failed') return failureView(t, view.error, undefined);
  if (!app || view.name === 'loading') return loadingView(t);
  const appName = app.name;
  const retryOAuth = () => flow.startOAuth();
  switch (view.name) {
    case 'unavailable':
      return unavailableView(t, app);
    case 'method':
      return html`${degradedNotice(t, app)}${methodChoiceView({
        t,
        methods: state.fullApp?.authMethods ?? [],
        onChoose: (chosen) => flow.chooseMethod(chosen),
      })}`;
    case 'oauth-intro':
      return html`${degradedNotice(t, app)}${
        method ? oauthIntroView({ t, appName, method, onContinue: retryOAuth }) : nothing
      }${backToMethods(props)}`;
    case 'oauth-waiting':
      return oauthWaitingView({
        t,
        appName,
        onReopen: () => flow.reopenPopup(),
        onCancel: () => flow.cancelOAuth(),
      });
    case 'oauth-blocked':
      return oauthBlockedView({
        t,
        appName,
        onRedirect: () => flow.continueInThisTab(),
        onRetry: retryOAuth,
      });
    case 'oauth-declined':
      return oauthDeclinedView({ t, appName, onRetry: retryOAuth });
    case 'oauth-failed':
      return failureView(t, view.error, retryOAuth);
    case 'missing-scopes':
      return missingScopesView({
        t,
        appName,
        method: method ?? { type: 'oauth2', label: '', fields: [], scopes: [] },
        missing: view.scopes,
        list: props.list,
        onGrant: () => flow.grantMissingScopes(),
      });
    case 'duplicate':
      return duplicateView({
        t,
        appName,
        existing: view.existing,
        onUpdate: () => flow.updateDuplicate(),
        onBack: () => flow.dismissDuplicate(),
      });
    case 'credentials':
      return html`${degradedNotice(t, app)}${
        method ? credentialsView(props, method) : nothing
      }${backToMethods(props)}`;
    case 'session-expired':
      return sessionExpiredView(t, () => flow.restartAfterSessionExpiry());
    case 'setup':
      return setupView({
        t,
        appName,
        step: view.step,
        connection: view.connection,
        copyState: props.setup.copyState,
        onCopy: (input) => void props.setup.copy(input, t),
        onContinue: () => flow.runTest(),
      });
    case 'testing':
      return testingView(t);
    case 'test-failed':
      return testFailedView(t, view, {
        onRetest: () => flow.runTest(),
        onReauthorize: () => flow.reauthorize(),
      });
    case 'success':
      return successView(t, app, view.connection, () => flow.close('user'));
  }
}

/** The chosen method's credential form, titled by the method. */
function credentialsView(props: FlowViewProps, method: AuthMethod): TemplateResult {
  const { t, state, flow, form } = props;
  return html`<h3 class="view__title" id="view-title" tabindex="-1">${method.label}</h3>
    ${credentialForm({
      t,
      method,
      values: form.values,
      errors: form.errors,
      revealed: form.revealed,
      sending: state.sending,
      formError: state.formError,
      submitLabel: state.mode === 'update' ? t('dialog.submitUpdate') : t('dialog.submit'),
      onValue: (field, value) => form.setValue(field, value),
      onToggleReveal: (field) => form.toggleReveal(field),
      onSubmit: () => flow.submitCredentials(),
    })}`;
}

/** "Back" to the choice of method when the app offers several. */
function backToMethods({ t, state, flow }: FlowViewProps): TemplateResult | typeof nothing {
  if (!state.canChangeMethod) return nothing;
  return html`<p class="other-methods">
    <button
      class="button button--quiet"
      part="button back"
      type="button"
      @click=${() => flow.backToMethods()}
    >
      ${t('dialog.back')}
    </button>
  </p>`;
}
