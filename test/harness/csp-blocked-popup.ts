// A click whose popup Chromium's real blocker refuses (the blocker is on in proof-fixtures): the
// button is clicked from script that has no user activation, as when the user's gesture has run
// out before the widget opens its window. Playwright cannot do this itself: every action and query
// evaluates in the page with a user gesture, which hands the page a fresh transient activation. The
// DevTools protocol's Runtime.evaluate does not, so this waits through it until the activation of
// the earlier clicks has expired (navigator.userActivation), then clicks through it too.
import type { CDPSession, Page } from '@playwright/test';

const ACTIVATION_WAIT_MS = 10_000;

/** Finds a <button> by its text through open shadow roots and clicks it; false when there is none. */
const CLICK_BUTTON_NAMED = `(name) => {
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'button' && element.textContent.trim() === name) return element;
      const inner = element.shadowRoot && visit(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const button = visit(document);
  if (!button) return false;
  button.click();
  return true;
}`;

export async function clickWithoutUserActivation(page: Page, buttonText: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const deadline = Date.now() + ACTIVATION_WAIT_MS;
    while (await evaluate(cdp, 'navigator.userActivation.isActive')) {
      if (Date.now() > deadline) {
        throw new Error(`the page still had a user activation after ${ACTIVATION_WAIT_MS} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const clicked = await evaluate(cdp, `(${CLICK_BUTTON_NAMED})(${JSON.stringify(buttonText)})`);
    if (clicked !== true) throw new Error(`no button "${buttonText}" on the page`);
  } finally {
    await cdp.detach();
  }
}

/** Runtime.evaluate without a user gesture (its default), returning the value. */
async function evaluate(cdp: CDPSession, expression: string): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
  });
  if (exceptionDetails) {
    throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  }
  return result.value;
}
