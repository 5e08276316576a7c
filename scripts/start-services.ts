// `npm start` after the build: the reference backend with its demo provider, the three examples
// (each behind its own tiny host backend) and the start page with Storybook, on localhost.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startReferenceStack, type ReferenceStack } from '@plugboard/server';
import { startHostServer } from '@plugboard/example-host-backend';

const root = join(import.meta.dirname, '..');
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const bundle = join(root, 'packages/elements/dist/plugboard.js');

const closers: Array<() => Promise<void>> = [];
let stack: ReferenceStack;

try {
  stack = await startReferenceStack({
    host: '127.0.0.1',
    port: port('PB_SERVER_PORT', 8787),
    providerPort: port('PB_PROVIDER_PORT', 8788),
  });
  closers.push(() => stack.close());

  // Each demo host mints tokens only for the origin its pages are served from.
  const hostOptions = (hostPort: number) => ({
    plugboardUrl: stack.url,
    secretKey: stack.secretKey,
    port: hostPort,
    allowedOrigins: [`http://localhost:${hostPort}`],
  });
  const scriptTag = await startHostServer({
    ...hostOptions(port('PB_SCRIPT_TAG_PORT', 8081)),
    root: join(root, 'examples/script-tag'),
    files: { '/plugboard.js': bundle, '/plugboard.js.map': `${bundle}.map` },
    // The lazy chunks the bundle imports from next to itself.
    mounts: { '/chunks/': join(root, 'packages/elements/dist/chunks') },
  });
  const react = await startHostServer({
    ...hostOptions(port('PB_REACT_PORT', 8082)),
    root: join(root, 'examples/react/dist'),
  });
  const vue = await startHostServer({
    ...hostOptions(port('PB_VUE_PORT', 8083)),
    root: join(root, 'examples/vue/dist'),
  });
  const storybook = join(root, 'storybook-static');
  const site = await startHostServer({
    ...hostOptions(port('PB_SITE_PORT', 8080)),
    root: join(root, 'examples'),
    files: { '/': join(root, 'examples/index.html') },
    mounts: existsSync(storybook) ? { '/storybook/': storybook } : {},
    placeholders: {
      SCRIPT_TAG_URL: scriptTag.url,
      REACT_URL: react.url,
      VUE_URL: vue.url,
      PROVIDER_URL: stack.providerUrl,
    },
  });
  closers.push(scriptTag.close, react.close, vue.close, site.close);

  process.stdout.write(
    [
      '',
      'Plugboard is running:',
      `  start page         ${site.url}`,
      `  storybook          ${site.url}storybook/`,
      `  script-tag example ${scriptTag.url}`,
      `  react example      ${react.url}`,
      `  vue example        ${vue.url}`,
      `  reference backend  ${stack.url}`,
      `  demo provider      ${stack.providerUrl}`,
      '',
      'Demo credentials: API key demo-key-123 · OAuth login demo@example.com / demo',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(
    `Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  await stopAll();
  process.exit(1);
}

async function stopAll() {
  await Promise.allSettled(closers.reverse().map((close) => close()));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write('\nStopping…\n');
    void stopAll().then(() => process.exit(0));
  });
}
