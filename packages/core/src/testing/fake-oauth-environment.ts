// A scriptable stand-in for the browser window in OAuth unit tests.
import type {
  CallbackMessageEvent,
  OAuthEnvironment,
  PopupWindow,
} from '../oauth/browser-environment.js';

export class FakePopup implements PopupWindow {
  closed = false;
  focused = 0;
  /** The popup shows the provider's page, so its address can no longer be read. */
  showsOtherOrigin = false;
  /**
   * With showsOtherOrigin: the popup reads closed after this many reads of its address (a COOP
   * severance landing just after the popup was seen on another origin).
   */
  closesAfterOtherOriginReads: number | undefined;
  otherOriginReads = 0;
  readonly navigations: string[] = [];
  readonly location = new FakePopupLocation(this);
  close(): void {
    this.closed = true;
  }
  focus(): void {
    this.focused += 1;
  }
}

class FakePopupLocation {
  constructor(private readonly popup: FakePopup) {}
  replace(url: string): void {
    this.popup.navigations.push(url);
  }
  get href(): string {
    const { popup } = this;
    if (!popup.showsOtherOrigin) return 'about:blank';
    popup.otherOriginReads += 1;
    if (popup.otherOriginReads === popup.closesAfterOtherOriginReads) popup.closed = true;
    throw new DOMException('Cross-origin', 'SecurityError');
  }
}

export interface FakeEnvironment {
  readonly env: OAuthEnvironment;
  readonly popups: FakePopup[];
  readonly opened: { url: string; name: string; features: string }[];
  /** How the next window.open behaves. */
  nextOpen: 'open' | 'blocked' | 'closed';
  readonly listenerCount: () => number;
  dispatchMessage(event: CallbackMessageEvent): void;
  readonly navigatedTo: string[];
  readonly replacedWith: string[];
  pageUrl: string;
}

export function fakeOAuthEnvironment(origin = 'https://host.example'): FakeEnvironment {
  const listeners = new Set<(event: CallbackMessageEvent) => void>();
  const fake: FakeEnvironment = {
    popups: [],
    opened: [],
    nextOpen: 'open',
    navigatedTo: [],
    replacedWith: [],
    pageUrl: `${origin}/settings/apps`,
    listenerCount: () => listeners.size,
    dispatchMessage: (event) => listeners.forEach((listener) => listener(event)),
    env: {
      origin,
      openPopup(url, name, features) {
        fake.opened.push({ url, name, features });
        if (fake.nextOpen === 'blocked') return null;
        const popup = new FakePopup();
        popup.closed = fake.nextOpen === 'closed';
        fake.popups.push(popup);
        return popup;
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      currentUrl: () => fake.pageUrl,
      navigate: (url) => void fake.navigatedTo.push(url),
      replaceUrl: (url) => {
        fake.replacedWith.push(url);
        fake.pageUrl = url;
      },
      popupFeatures: (width, height) => `popup=yes,width=${width},height=${height}`,
    },
  };
  return fake;
}
