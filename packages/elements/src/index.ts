// @plugboard/elements: the element classes, their events and types. Importing this module
// registers nothing; register tags with `@plugboard/elements/define/<tag>` (or `define/all`).
export { AppPicker } from './app-picker/app-picker.js';
export { AppSelectEvent, RequestAppEvent } from './app-picker/app-picker.events.js';
export { ConnectDialog } from './connect-dialog/connect-dialog.js';
export {
  ConnectSuccessEvent,
  ConnectErrorEvent,
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectSettingsSavedEvent,
} from './connect-dialog/connect-dialog.events.js';
export type {
  ConnectMode,
  ConnectCancelReason,
  ConnectErrorCode,
  ConnectStep,
} from '@plugboard/core';
export { ConnectionStatus } from './connection-status/connection-status.js';
export {
  ConnectionTestEvent,
  ConnectionUpdateEvent,
  ConnectionSettingsEvent,
  ConnectionRenameEvent,
  ConnectionRemoveEvent,
} from './connection-status/connection-status.events.js';
export { AppConnections } from './app-connections/app-connections.js';
export { PlugboardEvent } from './shared/events.js';
export { defineElement } from './shared/define.js';
export { defineAllElements } from './define-all-elements.js';
export type { App, AppSummary, Connection, PlugboardOptions, Theme } from '@plugboard/core';
