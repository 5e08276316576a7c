// oidc-provider 9 prints "Unsupported runtime. Use Node.js v22.x LTS" once, at import time, on
// Node 20 — where it runs fine (the test suite exercises it there). The demo provider promises a
// quiet console, so it loads the module lazily and drops exactly that one notice; any other
// warning during the import still reaches the console.
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
  } finally {
    console.warn = originalWarn;
  }
}
