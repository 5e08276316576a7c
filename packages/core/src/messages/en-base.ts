// English text of what a page shows before anyone acts on it: <connection-status>,
// <app-connections> and the shared error view. It is in the main bundle; the rest of English
// (en-flow.ts) travels with the connect dialog and the picker. Part of the source catalog (en.ts).

/** The first view's English: every translator's last fallback. */
export const enBase = {
  // Words the status and the list share with the dialog and the picker
  'picker.healthDegraded': 'Having problems',
  'picker.healthDown': 'Unavailable',
  'dialog.close': 'Close',
  'dialog.cancel': 'Cancel',
  // Connection status
  'status.connected': 'Connected',
  'status.testing': 'Testing…',
  'status.needsAttention': 'Needs attention',
  'status.expired': 'Expired',
  'status.connectedAs': 'Connected as {label}',
  'status.lastTested': 'Last tested {time}',
  'status.neverTested': 'Never tested',
  'status.test': 'Test',
  'status.update': 'Update',
  'status.disconnect': 'Disconnect',
  'status.disconnectConfirmTitle': 'Disconnect {app}?',
  'status.disconnectConfirmBody':
    'Anything that uses this connection will stop working until you connect {app} again.',
  'status.disconnecting': 'Disconnecting…',
  'status.testPassed': 'Test passed',
  'status.testFailed': 'Test failed',
  'status.details': 'Details',
  'status.providerDegraded':
    '{app} is having problems right now, so this connection may not work as expected.',
  'status.providerDown':
    '{app} is unavailable right now. This connection will work again once it’s back.',

  // Connections list
  'connections.heading': 'Apps',
  'connections.add': 'Add a connection',
  'connections.count': { one: '{count} connection', other: '{count} connections' },
  'connections.loading': 'Loading your connections…',
  'connections.emptyTitle': 'No apps connected yet',
  'connections.emptyBody': 'Connect the apps you use to get started.',

  // Errors: a title and the likely cause, for each kind of failure
  'error.network.title': 'Can’t reach the server',
  'error.network.cause': 'Check your internet connection, then try again.',
  'error.offline.title': 'You’re offline',
  'error.offline.cause': 'Your device isn’t connected to the internet. Reconnect to continue.',
  'error.timeout.title': 'This is taking too long',
  'error.timeout.cause': 'The server didn’t answer in time. Try again in a moment.',
  'error.rateLimited.title': 'Too many attempts',
  'error.rateLimited.cause': 'Wait a moment before you try again.',
  'error.server.title': 'Something went wrong on our side',
  'error.server.cause': 'It’s not something you did. Try again in a few minutes.',
  'error.malformed.title': 'We got an answer we couldn’t read',
  'error.malformed.cause':
    'This is usually temporary. Try again, and if it keeps happening, contact support with the reference below.',
  'error.sessionExpired.title': 'Your session has ended',
  'error.sessionExpired.cause':
    'For your security, sessions end after a while. Reload the page to continue.',
  'error.forbiddenOrigin.title': 'This page isn’t allowed to connect apps',
  'error.forbiddenOrigin.cause':
    'The owner of this site needs to allow this page in their settings.',
  'error.appNotAllowed.title': 'This app isn’t available here',
  'error.appNotAllowed.cause':
    'The owner of this site hasn’t turned on this app. Contact them if you need it.',
  'error.validation.title': 'Some details need fixing',
  'error.validation.cause': 'Check the highlighted fields and try again.',
  'error.credentialsRejected.title': 'These details weren’t accepted',
  'error.credentialsRejected.cause':
    'Check that you copied the whole value, with nothing extra, and that it’s still active.',
  'error.providerUnavailable.title': 'The app isn’t responding',
  'error.providerUnavailable.cause': 'It may be down or under maintenance. Try again later.',
  'error.popupClosed.title': 'The sign-in window was closed',
  'error.popupClosed.cause': 'Open it again and finish signing in to connect.',
  'error.flowTimeout.title': 'Signing in took too long',
  'error.flowTimeout.cause': 'Start again when you’re ready.',
  'error.flowExpired.title': 'This sign-in has expired',
  'error.flowExpired.cause': 'Sign-in links work once and only for a short time. Start again.',
  'error.providerError.title': 'The app reported a problem',
  'error.providerError.cause':
    'It couldn’t finish connecting. Try again, or later if it keeps happening.',
  'error.notFound.title': 'We couldn’t find this',
  'error.notFound.cause': 'It may have been removed. Reload the page and try again.',
  'error.config.title': 'Connecting apps isn’t set up on this page',
  'error.config.cause': 'The owner of this site needs to finish the setup.',
  'error.unknown.title': 'Something went wrong',
  'error.unknown.cause':
    'Try again. If it keeps happening, contact support with the reference below.',
  'error.unexpected.title': 'Something went wrong in this page',
  'error.unexpected.cause':
    'Not your connection: a problem in this page. Reload it; if it keeps happening, tell the site’s owner.',
  'error.reference': 'Reference: {id}',
  'error.copyReference': 'Copy reference',
  'error.technicalDetails': 'Technical details',
  'error.testRejected.cause':
    'The app no longer accepts the saved details. Enter new ones to reconnect.',
  'error.testSignIn.cause':
    'The sign-in has expired or its access was removed in the app. Sign in again to reconnect.',
  'error.testProvider.cause': 'The app didn’t answer as expected. Test again in a moment.',
  'error.enterNewDetails': 'Enter new details',
  'error.signInAgain': 'Sign in again',
  'error.tryAgain': 'Try again',
  'error.copied': 'Copied',
  'error.retryWhenOnline': 'We’ll try again by ourselves as soon as you’re back online.',
  'error.detailsCode': 'Error code',
  'error.detailsStatus': 'HTTP status',
  'error.detailsProblem': 'Problem type',
  'error.detailsMessage': 'Message',
  'connections.pickerTitle': 'Choose an app to connect',
  'connections.connected': '{app} is connected',
  'dialog.testAgain': 'Test again',
  'status.loading': 'Loading the connection…',
  'status.changed': '{app} ({account}) is now: {status}',
  'status.removed': '{app} was disconnected.',
  'status.revokeFailed':
    '{app} did not confirm that it withdrew access. To be sure, remove the access in your {app} account settings.',
  'status.testLabel': 'Test {app} connection',
  'status.updateLabel': 'Update {app} connection',
  'status.disconnectLabel': 'Disconnect {app}',
  'status.settings': 'Settings',
  'status.settingsLabel': 'Change {app} settings',
  'status.rename': 'Rename',
  'status.renameLabel': 'Rename this {app} connection',
  'status.nameLabel': 'Connection name',
  'status.saveName': 'Save name',
  'status.renamed': 'Renamed to {label}.',
  'status.nameRequired': 'Enter a name.',
  'status.settingsSaved': 'Settings saved.',
};
