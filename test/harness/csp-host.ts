// A host product's page server with a strict Content-Security-Policy on every response: the real
// host backend of the examples (examples/host-backend), serving test/pages/csp/ and the built
// script-tag bundle, minting session tokens for one end user with the stack's secret key.
import { join } from 'node:path';
import { startHostServer } from '../../examples/host-backend/host-server.mjs';
import type { ReferenceStack } from './fixtures.js';

const root = join(import.meta.dirname, '../..');
const bundle = join(root, 'packages/elements/dist/plugboard.js');

export interface CspHost {
  readonly origin: string;
  url(page: string): string;
  close(): Promise<void>;
}

/** `pages`: the folder under test/pages to serve; `placeholders` fill `{{NAME}}` in them. */
export async function startCspHost(
  stack: ReferenceStack,
  userId: string,
  policy: string,
  {
    pages = 'csp',
    placeholders = {},
  }: { pages?: string; placeholders?: Record<string, string> } = {},
): Promise<CspHost> {
  const host = await startHostServer({
    root: join(root, 'test/pages', pages),
    placeholders,
    plugboardUrl: stack.url,
    secretKey: stack.secretKey,
    userId,
    headers: { 'content-security-policy': policy },
    files: { '/plugboard.js': bundle, '/plugboard.js.map': `${bundle}.map` },
    // The lazy chunks the bundle imports from next to itself.
    mounts: { '/chunks/': join(root, 'packages/elements/dist/chunks') },
  });
  return {
    origin: host.origin,
    url: (page) => new URL(page, host.url).href,
    close: () => host.close(),
  };
}
