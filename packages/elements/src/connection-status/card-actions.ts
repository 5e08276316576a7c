// What a connection card shows only after a click (Rename, Disconnect, the last error's Details):
// a chunk of its own, so a page that lists connections does not download it before anyone clicks.
// connection-status.ts fetches it on intent (pointer over or focus on those buttons) and in idle
// time.
export { FloatingPopover } from './floating-popover.js';
export { removalConfirm } from './removal-confirm.js';
export { renameForm } from './rename-form.js';
