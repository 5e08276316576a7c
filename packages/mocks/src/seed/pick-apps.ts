import type { App, AuthType } from '@plugboard/contract';

/** Apps chosen by what they offer, so the seeds also work with an integrator's own catalog. */
export function appsWithMethod(catalog: readonly App[], type: AuthType): App[] {
  return catalog.filter((app) => app.authMethods.some((method) => method.type === type));
}

export function scopeNames(app: App): string[] {
  return app.authMethods.flatMap((method) => method.scopes.map((scope) => scope.name));
}

export function requiredScopeNames(app: App): string[] {
  return app.authMethods.flatMap((method) =>
    method.scopes.filter((scope) => scope.required).map((scope) => scope.name),
  );
}
