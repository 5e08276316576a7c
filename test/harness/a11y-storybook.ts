// The built Storybook (storybook-static/) for the accessibility matrix: its story ids, a build when
// the output is missing or older than its sources, and a loopback static server for it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { listenOnLoopback, pathOf, send, sendFile } from './loopback-server.js';

const root = join(import.meta.dirname, '../..');
const STORYBOOK_DIR = join(root, 'storybook-static');
const indexFile = join(STORYBOOK_DIR, 'index.json');

/** What the built Storybook is made from: a newer file here means the build is stale. */
const SOURCES = ['.storybook', 'packages/elements/src', 'packages/core/src', 'packages/mocks/src'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    // Tests are not part of the Storybook build.
    if (!entry.endsWith('.test.ts')) newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Builds Storybook (the same command as the `storybook:build` suite) when its output is missing or
 * older than its sources, so the matrix never checks stale stories.
 */
export function ensureStorybookBuilt(): void {
  const builtAt = existsSync(indexFile) ? statSync(indexFile).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(root, source))));
  if (builtAt > sourcesAt) return;
  try {
    execFileSync('pnpm', ['exec', 'storybook', 'build', '-o', 'storybook-static', '--quiet'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Building Storybook failed:\n${output.slice(-2000)}`, { cause: error });
  }
}

/** The id of every story (not docs pages) in the built Storybook, in index order. */
export function storyIds(): string[] {
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
    entries: Record<string, { id: string; type: string }>;
  };
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
}

export interface StorybookServer {
  /** Where Storybook is, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Below a path, as `npm start` serves it: nothing may assume Storybook owns the root. */
const STORYBOOK_PATH = '/storybook/';

/** Serves storybook-static/ on a free loopback port (a secure context, so MSW's worker starts). */
async function serveStorybook(): Promise<StorybookServer> {
  const server = await listenOnLoopback((request, response) => {
    const path = decodeURIComponent(pathOf(request));
    if (!path.startsWith(STORYBOOK_PATH)) return send(response, 404, 'text/plain', 'not found');
    void sendFile(response, STORYBOOK_DIR, path.slice(STORYBOOK_PATH.length - 1));
  });
  return { url: `${server.origin}${STORYBOOK_PATH}`, close: () => server.close() };
}

export interface StoryGlobals {
  theme: 'light' | 'dark';
  locale: string;
}

interface Channel {
  emit(event: string, payload: unknown): void;
  on(event: string, listener: (payload: { message?: string }) => void): void;
}

type PreviewWindow = Window & {
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
  __STORYBOOK_ADDONS_CHANNEL__?: Channel;
  /** Play-function errors of the current story, collected by `recordPlayErrors`. */
  __pbPlayErrors?: string[];
};

/**
 * Runs in the canvas before Storybook boots: the canvas view only logs a play function's exception
 * and goes on to `completed`, so catch the channel as Storybook sets it and collect them.
 */
function recordPlayErrors(): void {
  const preview = window as PreviewWindow;
  preview.__pbPlayErrors = [];
  let channel: Channel | undefined;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: Channel) {
      channel = value;
      value.on('playFunctionThrewException', (error) =>
        preview.__pbPlayErrors?.push(error.message ?? String(error)),
      );
    },
  });
}

/** Phases a story render ends in: done (loaders, render, play function, animations) or failed. */
const SETTLED_PHASES = ['completed', 'afterEach', 'finished', 'errored', 'aborted'];

/**
 * One Storybook canvas (iframe.html) showing one story after another, as the Storybook UI does:
 * it loads the canvas once per set of globals, then switches stories over Storybook's channel, so
 * the bundle and MSW's worker start once, not once per story.
 */
export class StoryCanvas {
  private globals = '';

  private constructor(
    readonly page: Page,
    private readonly storybookUrl: string,
  ) {}

  static async open(page: Page, storybookUrl: string): Promise<StoryCanvas> {
    await page.addInitScript(recordPlayErrors);
    return new StoryCanvas(page, storybookUrl);
  }

  /**
   * Shows `id` with `globals` and waits until it has settled (at most `settleMs`); throws when the
   * story failed.
   */
  async show(
    id: string,
    { theme, locale }: StoryGlobals,
    { settleMs = 15_000 }: { settleMs?: number } = {},
  ): Promise<void> {
    // a11y.manual stops the a11y addon's own axe run: the matrix runs axe itself, with its tags.
    const globals = `theme:${theme};locale:${locale};a11y.manual:!true`;
    if (globals !== this.globals) {
      await this.page.goto(
        `${this.storybookUrl}iframe.html?id=${id}&viewMode=story&globals=${globals}`,
      );
      this.globals = globals;
    } else {
      await this.page.evaluate((storyId) => {
        (window as PreviewWindow).__pbPlayErrors = [];
        const channel = (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel) throw new Error('no Storybook channel on the canvas');
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, id);
    }
    const settled = await this.page.waitForFunction(
      ([storyId, phases]) => {
        const render = (window as PreviewWindow).__STORYBOOK_PREVIEW__?.currentRender;
        return render?.id === storyId && phases.includes(render.phase ?? '') && render.phase;
      },
      [id, SETTLED_PHASES] as const,
      { timeout: settleMs },
    );
    const phase = await settled.jsonValue();
    const playErrors = await this.page.evaluate(() => (window as PreviewWindow).__pbPlayErrors);
    if (playErrors?.length) {
      // The story never reached the state it promises: checking the state it stopped in would
      // pass for the wrong reason.
      throw new Error(`story ${id}: its play function failed: ${playErrors.join('; ')}`);
    }
    if (phase === 'errored' || phase === 'aborted') {
      const shown = await this.page.locator('#error-message').textContent();
      // The next story starts from a fresh canvas rather than from a broken one.
      this.globals = '';
      throw new Error(`story ${id} ${phase}: ${shown ?? ''}`);
    }
  }
}

/** A Playwright test with one story canvas per worker: the built Storybook, served and opened once. */
export const storyCanvasTest = base.extend<object, { canvas: StoryCanvas }>({
  canvas: [
    async ({ browser }, use) => {
      const server = await serveStorybook();
      const context = await browser.newContext();
      try {
        await use(await StoryCanvas.open(await context.newPage(), server.url));
      } finally {
        await context.close();
        await server.close();
      }
    },
    { scope: 'worker' },
  ],
});
