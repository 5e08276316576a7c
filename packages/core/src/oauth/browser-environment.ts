// Everything the OAuth flows need from the browser, behind one small interface: the flows stay
// testable in Node with a fake, and nothing reads `window` until a flow actually starts.

/** The parts of a popup's WindowProxy we use (all allowed cross-origin, except reading `href`). */
export interface PopupWindow {
  readonly closed: boolean;
  close(): void;
  focus(): void;
  /** Reading `href` throws a SecurityError once the popup shows a page of another origin. */
  readonly location: { replace(url: string): void; readonly href: string };
}

/** The parts of a MessageEvent we check (a real MessageEvent fits). */
export interface CallbackMessageEvent {
  readonly origin: string;
  readonly source: unknown;
  readonly data: unknown;
}

export interface OAuthEnvironment {
  /** This page's origin, sent as `openerOrigin`. */
  readonly origin: string;
  /** window.open; null when a blocker refused. */
  openPopup(url: string, name: string, features: string): PopupWindow | null;
  /** Listens to `message` events on this window. */
  onMessage(listener: (event: CallbackMessageEvent) => void): () => void;
  currentUrl(): string;
  /** Navigates this tab (redirect mode). */
  navigate(url: string): void;
  /** Rewrites the address bar without a navigation (history.replaceState). */
  replaceUrl(url: string): void;
  /** `window.open` features: a popup of the given size centred over this window. */
  popupFeatures(width: number, height: number): string;
}

export function browserEnvironment(): OAuthEnvironment {
  return {
    origin: window.location.origin,
    openPopup: (url, name, features) => window.open(url, name, features),
    onMessage(listener) {
      window.addEventListener('message', listener);
      return () => window.removeEventListener('message', listener);
    },
    currentUrl: () => window.location.href,
    navigate: (url) => window.location.assign(url),
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    popupFeatures: (width, height) => centredPopupFeatures(width, height, window),
  };
}

type WindowGeometry = Pick<Window, 'screenX' | 'screenY' | 'outerWidth' | 'outerHeight'>;

export function centredPopupFeatures(
  width: number,
  height: number,
  opener: WindowGeometry,
): string {
  const left = Math.max(0, Math.round(opener.screenX + (opener.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(opener.screenY + (opener.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}
