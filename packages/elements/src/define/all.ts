// Registers every Plugboard element: `import '@plugboard/elements/define/all'`.
import './app-picker.js';
import './connect-dialog.js';
import './connection-status.js';
import './app-connections.js';
