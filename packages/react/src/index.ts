// @plugboard/react: React components for the Plugboard elements, with typed `on…` event props.
// Importing this module registers the elements in the browser (not during server-side rendering).
import './register.js';

export * from './generated/components.js';
export { configure } from '@plugboard/core';
// The element classes keep an `Element` suffix here: the plain names are the React components.
export type {
  AppConnections as AppConnectionsElement,
  AppPicker as AppPickerElement,
  ConnectDialog as ConnectDialogElement,
  ConnectionStatus as ConnectionStatusElement,
  AppSelectEvent,
  RequestAppEvent,
  ConnectSuccessEvent,
  ConnectErrorEvent,
  ConnectCancelEvent,
  ConnectClosedEvent,
  ConnectMode,
  ConnectCancelReason,
  ConnectErrorCode,
  ConnectStep,
  ConnectionTestEvent,
  ConnectionUpdateEvent,
  ConnectionRemoveEvent,
  App,
  AppSummary,
  Connection,
  PlugboardOptions,
  Theme,
} from '@plugboard/elements';
