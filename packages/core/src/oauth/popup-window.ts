// How an OAuth popup is opened: by the flow itself, or, when the click came before the flow's
// code had loaded, by the client at once (a popup blocker lets only a click's own window.open
// through), for the flow to take over (lazy-oauth.ts).
import type { OAuthEnvironment, PopupWindow } from './browser-environment.js';

const POPUP_NAME = 'plugboard-oauth';
const POPUP_WIDTH = 520;
const POPUP_HEIGHT = 680;

export function openPopupWindow(env: OAuthEnvironment, url: string): PopupWindow | null {
  return env.openPopup(url, POPUP_NAME, env.popupFeatures(POPUP_WIDTH, POPUP_HEIGHT));
}
