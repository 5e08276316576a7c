// Driving the demo OAuth provider's pages (sign-in, consent) in a popup or in the tab itself, and
// making pages send Cross-Origin-Opener-Policy, as some real providers and host pages do.
import { expect, type BrowserContext, type Page } from '@playwright/test';

const DEMO_ACCOUNT = { email: 'demo@example.com', password: 'demo' } as const;

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_ACCOUNT.email);
  await page.getByLabel('Password').fill(DEMO_ACCOUNT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Gives consent. The callback page may close a popup as soon as consent is given: a click whose
 * target closed underneath it is fine, but only when the page really did close.
 */
async function allow(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: 'Allow' })
    .click()
    .catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    });
}

/** Signs in unless the provider still knows the user from an earlier flow, then gives consent. */
export async function signInAndAllow(page: Page): Promise<void> {
  const email = page.getByLabel('Email');
  await expect(email.or(page.getByRole('button', { name: 'Allow' }))).toBeVisible();
  if (await email.isVisible()) await signIn(page);
  await allow(page);
}

/**
 * Every document from these origins is served with `Cross-Origin-Opener-Policy: same-origin`
 * (fetched unchanged, redirects included, then fulfilled with the extra header).
 */
export async function sendOpenerPolicy(context: BrowserContext, origins: string[]): Promise<void> {
  await context.route(
    (url) => origins.includes(url.origin),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch({ maxRedirects: 0 });
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin' },
      });
    },
  );
}
