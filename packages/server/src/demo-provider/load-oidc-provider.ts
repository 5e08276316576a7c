// oidc-provider 9 prints "Unsupported runtime. Use Node.js v22.x LTS" once, at import time, on
// Node 20 — where it runs fine (the test suite exercises it there). The demo provider promises a
// quiet console, so it loads the module lazily and drops exactly that one notice; any other
// warning during the import still reaches the console.
// oidc-provider is an optional peer dependency of @plugboard/server: a production host that brings
// its own OAuth providers never loads it, and `startReferenceStack()` / `plugboard-server start`
// without it fail with a message that says what to install.
import type * as OidcProvider from 'oidc-provider';

type OidcProviderModule = typeof OidcProvider;

const RUNTIME_NOTICE = 'oidc-provider WARNING: Unsupported runtime';

let loading: Promise<OidcProviderModule> | undefined;

export function loadOidcProvider(): Promise<OidcProviderModule> {
  loading ??= importWithoutRuntimeNotice();
  return loading;
}

async function importWithoutRuntimeNotice(): Promise<OidcProviderModule> {
  const originalWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(RUNTIME_NOTICE)) return;
    originalWarn.apply(console, args);
  };
  try {
    return await import('oidc-provider');
  } catch (error) {
    throw isMissing(error) ? missingPeerError(error) : error;
  } finally {
    console.warn = originalWarn;
  }
}

/** Only oidc-provider itself missing: a broken install of one of its dependencies stays as it is. */
function isMissing(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND' &&
    /['"]oidc-provider['"]/.test((error as Error).message)
  );
}

function missingPeerError(cause: unknown): Error {
  return new Error(
    'The demo OAuth provider (startReferenceStack, `plugboard-server start`) needs the optional ' +
      'peer dependency oidc-provider: npm install oidc-provider@^9',
    { cause },
  );
}
