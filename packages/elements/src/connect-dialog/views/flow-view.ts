import { html, nothing, type TemplateResult } from 'lit';
import type { AuthMethod } from '@plugboard/contract';
import type { ConnectFlow, ConnectFlowState, PlugboardError } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import type { CredentialsStep } from '../credentials-step.js';
import type { OptionPickers } from '../option-pickers.js';
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
import { settingsView } from './settings-view.js';
import { setupView } from './setup-view.js';
import { stepCheckView } from './step-check.js';
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
  /** The option comboboxes of the settings view. */
  pickers: OptionPickers;
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
    case 'settings':
      return state.settings
        ? settingsView({
            t,
            appName,
            mode: state.mode,
            form: state.settings,
            completed: state.completed,
            pickers: props.pickers,
            onChoose: (key, value) => flow.chooseSetting(key, value),
            onRefresh: (key) => flow.refreshOptions(key),
            onLoadMore: (key) => flow.loadMoreOptions(key),
            onSave: () => void flow.saveSettings(),
            onCheck: (key) => flow.checkSetting(key),
            onContinue: () => flow.continueAfterSettings(),
          })
        : loadingView(t);
    case 'setup':
      return html`${setupView({
        t,
        appName,
        step: view.step,
        connection: view.connection,
        copyState: props.setup.copyState,
        onCopy: (input) => void props.setup.copy(input, t),
        onContinue: () => flow.runTest(),
      })}${webhookCheck(props, view)}`;
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
      storedSecretHint: form.prefill?.credentialHint,
      fileNames: form.fileNames,
      onValue: (field, value) => form.setValue(field, value),
      onToggleChoice: (field, value) => form.toggleChoice(field, value),
      onFile: (field, file) => void form.readFile(field, file),
      onToggleReveal: (field) => form.toggleReveal(field),
      onSubmit: () => flow.submitCredentials(),
    })}`;
}

/** "Check that a test event arrived", for a webhook step that can be checked, and its answer. */
function webhookCheck(
  { t, flow }: FlowViewProps,
  view: Extract<ConnectFlowState['view'], { name: 'setup' }>,
): TemplateResult | typeof nothing {
  const verification = view.step.verification;
  if (!verification) return nothing;
  const check = () => void flow.checkWebhook();
  return html`<div class="webhook-check" part="webhook-check">
    <button
      class="button"
      part="button check"
      type="button"
      aria-describedby="webhook-check"
      aria-busy=${view.check?.status === 'checking' ? 'true' : 'false'}
      @click=${check}
    >
      ${verification.label}
    </button>
    ${stepCheckView(t, 'webhook-check', view.check, check)}
  </div>`;
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
