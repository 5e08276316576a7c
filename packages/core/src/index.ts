// @plugboard/core: the framework-free client. Importing this module has no side effects and
// touches no browser global; everything happens when a function is called.

// configuration and clients
export {
  configure,
  getClient,
  setScriptDefaults,
  onConfigChange,
  resetConfiguration,
} from './registry.js';
export { createClient } from './client.js';
export type { PlugboardClient, ClientInternals } from './client.js';
export type { MessageOverrides, PlugboardOptions, ResolvedConfig, Theme } from './config.js';

// errors
export {
  PlugboardError,
  ConfigError,
  HttpError,
  isPlugboardError,
  toPlugboardError,
} from './errors.js';
export type { PlugboardErrorCode } from './errors.js';

// events
export { STABLE_EVENT_NAMES } from './events.js';
export type {
  EventStream,
  PlugboardEvent,
  PlugboardEventDetails,
  PlugboardEventListener,
  PlugboardEventName,
  ExitReason,
  ConnectMode,
  ConnectionChange,
} from './events.js';

// catalog
export { REMOTE_SEARCH_THRESHOLD } from './catalog/catalog-store.js';
export type {
  CatalogStore,
  CatalogSearchMode,
  RemoteSearchResult,
} from './catalog/catalog-store.js';
export type { StoreState, Unsubscribe } from './listeners.js';
export { createSearchIndex } from './catalog/search/index.js';
export type {
  PartialSearch,
  SearchHit,
  SearchIndex,
  SearchOptions,
} from './catalog/search/index.js';

// connections
export type {
  ConnectionStore,
  CreateConnectionInput,
  RequestOptions,
  SetupOptionsQuery,
} from './connections/connection-store.js';

// the live channel
export type { LiveChannel, LiveState, LiveTiming } from './live/live-channel.js';

// OAuth
export { errorFromOAuthResult } from './oauth/flow-result.js';
export type {
  OAuthApp,
  OAuthCancelReason,
  OAuthFlowHandle,
  OAuthResult,
  OAuthResultStatus,
  StartOAuthOptions,
} from './oauth/oauth-types.js';

// the connect flow as a state machine (drawn by <connect-dialog>)
export { ConnectFlow } from './connect-flow/connect-flow.js';
export type {
  ConnectCancelReason,
  ConnectErrorCode,
  ConnectFlowClient,
  ConnectFlowNotice,
  ConnectFlowOptions,
  ConnectFlowState,
  ConnectTarget,
  CredentialsForm,
  CredentialsPrefill,
} from './connect-flow/connect-flow-types.js';
export type { ConnectStep, ConnectView, ConnectViewName } from './connect-flow/connect-view.js';
export type {
  OptionsState,
  SettingDraft,
  SettingProblem,
  SettingsFormState,
  StepCheck,
} from './connect-flow/settings-form.js';
export { EMPTY_OPTIONS } from './connect-flow/settings-form.js';

// URL policy for URLs that come from the server (logos, help links)
export { safeUrl, isAllowedUrl } from './url-policy.js';

// messages (also available alone as '@plugboard/core/messages', with the whole English catalogs)
export { createTranslator, loadMessages } from './messages/load.js';
export { resolveLocaleChain, supportedLocales } from './messages/locales.js';
export { addEnglishText, createTranslatorSync } from './messages/translator.js';
export { enBase } from './messages/en-base.js';
export type {
  Message,
  MessageKey,
  MessageParams,
  Messages,
  PluralCategory,
  PluralMessage,
  SupportedLocale,
  Translator,
} from './messages/index.js';

// wire types, so elements and hosts need only this package
export { REDIRECT_FLOW_PARAM } from '@plugboard/contract';
export type {
  App,
  AppKey,
  AppSummary,
  AuthField,
  AuthMethod,
  AuthType,
  Connection,
  ConnectionSettings,
  ConnectionStatus,
  FieldError,
  FieldValues,
  HealthStatus,
  OAuthFlowErrorCode,
  OAuthMode,
  Problem,
  ProblemCode,
  ProviderHealth,
  Scope,
  SettingInput,
  SettingValue,
  SetupOption,
  SetupOptionPage,
  SetupStep,
  SetupVerification,
  TestResult,
  UpdateConnectionRequest,
} from '@plugboard/contract';
