import type { Connection, DisconnectResult, TestResult } from '@plugboard/contract';
import { PlugboardEvent } from '../shared/events.js';

/** The Test button finished; `result.ok` tells passed from failed. */
export class ConnectionTestEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connection-test';
  constructor(readonly result: TestResult) {
    super(ConnectionTestEvent.eventName);
  }
}

/** The connection was re-authorized through Update; it keeps its id. */
export class ConnectionUpdateEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connection-update';
  constructor(readonly connection: Connection) {
    super(ConnectionUpdateEvent.eventName);
  }
}

/** The connection's setup choices were saved from Settings (no sign-in). */
export class ConnectionSettingsEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connection-settings';
  constructor(readonly connection: Connection) {
    super(ConnectionSettingsEvent.eventName);
  }
}

/** The user renamed the connection; `connection.label` is the new name. */
export class ConnectionRenameEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connection-rename';
  constructor(readonly connection: Connection) {
    super(ConnectionRenameEvent.eventName);
  }
}

/**
 * The user confirmed Disconnect and the backend removed the connection; `revocation` says whether
 * the service also withdrew the access (`failed`: the user should remove it there by hand).
 */
export class ConnectionRemoveEvent extends PlugboardEvent {
  static readonly eventName = 'pb-connection-remove';
  constructor(
    readonly connectionId: string,
    readonly revocation: DisconnectResult['revocation'],
  ) {
    super(ConnectionRemoveEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pb-connection-test': ConnectionTestEvent;
    'pb-connection-update': ConnectionUpdateEvent;
    'pb-connection-settings': ConnectionSettingsEvent;
    'pb-connection-rename': ConnectionRenameEvent;
    'pb-connection-remove': ConnectionRemoveEvent;
  }
}
