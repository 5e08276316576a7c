// Playwright fixtures for the examples' end-to-end tests: import { test, expect } from
// '../../harness/examples-fixtures.js'. Extends harness/fixtures.ts with:
// - openExample(name): serves that example behind its own host backend (examples/host-backend),
//   minting session tokens for this test's endUser, and opens it in `page`; builds the example
//   first if its output is missing, and fails with the build's output if that does not work
// A test that needs its own host backend (webhooks, a fixed port) starts it with
// exampleHostOptions(name) and opens it with openPage.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestType } from '@playwright/test';
import { startHostServer } from '../../examples/host-backend/host-server.mjs';
import { test as base } from './fixtures.js';

export type ExampleName = 'script-tag' | 'react' | 'vue';
export const EXAMPLES: readonly ExampleName[] = ['script-tag', 'react', 'vue'];

const root = join(import.meta.dirname, '../..');
const bundle = join(root, 'packages/elements/dist/plugboard.js');

/** What `startHostServer` needs to serve one example, and how to build it when it is missing. */
interface ExampleBuild {
  root: string;
  files?: Record<string, string>;
  mounts?: Record<string, string>;
  /** The file whose absence means "not built". */
  output: string;
  buildFilter: string;
}

const BUILDS: Record<ExampleName, ExampleBuild> = {
  'script-tag': {
    root: join(root, 'examples/script-tag'),
    files: { '/plugboard.js': bundle, '/plugboard.js.map': `${bundle}.map` },
    // The lazy chunks the bundle imports from next to itself.
    mounts: { '/chunks/': join(root, 'packages/elements/dist/chunks') },
    output: bundle,
    buildFilter: '@plugboard/elements',
  },
  react: {
    root: join(root, 'examples/react/dist'),
    output: join(root, 'examples/react/dist/index.html'),
    buildFilter: '@plugboard/example-react',
  },
  vue: {
    root: join(root, 'examples/vue/dist'),
    output: join(root, 'examples/vue/dist/index.html'),
    buildFilter: '@plugboard/example-vue',
  },
};

/** Builds the example when its output is missing (`pnpm run build` makes them all). */
function ensureBuilt(name: ExampleName): ExampleBuild {
  const build = BUILDS[name];
  if (!existsSync(build.output)) {
    try {
      execFileSync('pnpm', ['--filter', build.buildFilter, 'run', 'build'], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch (error) {
      const output = (error as { stderr?: Buffer; stdout?: Buffer }).stdout?.toString() ?? '';
      throw new Error(
        `The ${name} example is not built (${build.output} is missing) and building it failed. ` +
          `Run \`pnpm run build\` and see its errors.\n${output.slice(-2000)}`,
        { cause: error },
      );
    }
  }
  return build;
}

/** What startHostServer needs to serve the example's files (building it when missing). */
export function exampleHostOptions(
  name: ExampleName,
): Pick<ExampleBuild, 'root' | 'files' | 'mounts'> {
  const build = ensureBuilt(name);
  return {
    root: build.root,
    ...(build.files ? { files: build.files } : {}),
    ...(build.mounts ? { mounts: build.mounts } : {}),
  };
}

interface ExampleTestFixtures {
  /** Serves the example for this test's endUser and opens it; returns the host page's origin. */
  openExample: (name: ExampleName) => Promise<{ origin: string }>;
}

// fixtures.ts does not export its fixture types; name them through `base` for the declaration.
type FixturesOf<T> = T extends TestType<infer Test, infer Worker> ? [Test, Worker] : never;
type BaseTestFixtures = FixturesOf<typeof base>[0];
type BaseWorkerFixtures = FixturesOf<typeof base>[1];

export const test: TestType<BaseTestFixtures & ExampleTestFixtures, BaseWorkerFixtures> =
  base.extend<ExampleTestFixtures>({
    openExample: async ({ page, stack, endUser }, use) => {
      const servers: Array<{ close(): Promise<void> }> = [];
      await use(async (name) => {
        const host = await startHostServer({
          ...exampleHostOptions(name),
          plugboardUrl: stack.url,
          secretKey: stack.secretKey,
          userId: endUser,
        });
        servers.push(host);
        await openPage(page, host.url);
        return { origin: host.origin };
      });
      await Promise.all(servers.map((server) => server.close()));
    },
  });

/** Opens an example's page and waits until the elements are registered. */
export async function openPage(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  if (errors.length > 0) throw new Error(`the example page threw: ${errors.join('; ')}`);
  // A bundler that drops the registering import leaves a silent, empty tag: say so plainly.
  await page
    .waitForFunction(() => customElements.get('app-connections') !== undefined, null, {
      timeout: 10_000,
    })
    .catch((error: unknown) => {
      throw new Error(`${url} did not register <app-connections>`, { cause: error });
    });
}

export { expect } from './fixtures.js';
