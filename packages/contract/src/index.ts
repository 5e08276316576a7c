// Friendly names for the wire types generated from openapi.yaml (see src/generated/openapi.ts).
// Core, the mocks and the server all import their wire shapes from here, so none can drift.
import type { components, operations, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

export type { components, operations, paths };
export type AppKey = Schemas['AppKey'];
export type AuthType = Schemas['AuthType'];
export type HealthStatus = Schemas['HealthStatus'];
export type ProviderHealth = Schemas['ProviderHealth'];
export type AppSummary = Schemas['AppSummary'];
export type App = Schemas['App'];
export type AuthMethod = Schemas['AuthMethod'];
export type AuthField = Schemas['AuthField'];
export type Scope = Schemas['Scope'];
export type FieldCondition = Schemas['FieldCondition'];
export type SetupStep = Schemas['SetupStep'];
export type SetupStepKey = Schemas['SetupStepKey'];
export type SelectSetupStep = Schemas['SelectSetupStep'];
export type MultiSelectSetupStep = Schemas['MultiSelectSetupStep'];
export type TextSetupStep = Schemas['TextSetupStep'];
export type CheckboxSetupStep = Schemas['CheckboxSetupStep'];
export type WebhookUrlSetupStep = Schemas['WebhookUrlSetupStep'];
export type SetupOption = Schemas['SetupOption'];
export type SetupOptionPage = Schemas['SetupOptionPage'];
export type SettingValue = Schemas['SettingValue'];
export type ConnectionSettings = Schemas['ConnectionSettings'];
export type SettingInput = Schemas['SettingInput'];
export type UpdateSettingsRequest = Schemas['UpdateSettingsRequest'];
export type SetupVerification = Schemas['SetupVerification'];
export type AppPage = Schemas['AppPage'];
export type ConnectionStatus = Schemas['ConnectionStatus'];
export type ConnectionError = Schemas['ConnectionError'];
export type Connection = Schemas['Connection'];
export type ConnectionSetup = Schemas['ConnectionSetup'];
export type ConnectionList = Schemas['ConnectionList'];
export type FieldValues = Schemas['FieldValues'];
export type CreateConnectionRequest = Schemas['CreateConnectionRequest'];
export type UpdateConnectionRequest = Schemas['UpdateConnectionRequest'];
export type TestResult = Schemas['TestResult'];
export type DisconnectResult = Schemas['DisconnectResult'];
export type CreateConnectLinkRequest = Schemas['CreateConnectLinkRequest'];
export type ConnectLink = Schemas['ConnectLink'];
export type HostWebhookEvent = Schemas['HostWebhookEvent'];
export type HostWebhookDelivery = Schemas['HostWebhookDelivery'];
export type HostWebhookDeliveryList = Schemas['HostWebhookDeliveryList'];
export type OAuthMode = Schemas['OAuthMode'];
export type StartOAuthFlowRequest = Schemas['StartOAuthFlowRequest'];
export type OAuthFlowStart = Schemas['OAuthFlowStart'];
export type OAuthFlowStatus = Schemas['OAuthFlowStatus'];
export type OAuthFlowErrorCode = Schemas['OAuthFlowErrorCode'];
export type OAuthFlow = Schemas['OAuthFlow'];
export type CreateSessionRequest = Schemas['CreateSessionRequest'];
export type Session = Schemas['Session'];
export type ProblemCode = Schemas['ProblemCode'];
export type FieldError = Schemas['FieldError'];
export type Problem = Schemas['Problem'];
export type LiveEventId = Schemas['LiveEventId'];
export type LiveEventType = Schemas['LiveEventType'];
export type LiveEvent = Schemas['LiveEvent'];
export type LiveReady = Schemas['LiveReady'];
export type LiveReset = Schemas['LiveReset'];

/** The message the OAuth callback page posts to its opener (exact target origin, never '*'). */
export interface OAuthCallbackMessage {
  source: 'plugboard';
  flowId: string;
  status: Exclude<OAuthFlowStatus, 'pending'>;
}

/** Query parameter the callback adds to the return URL in redirect mode. */
export const REDIRECT_FLOW_PARAM = 'pb_flow';
