// Provider health as the background checks see it: the share of an app's recently checked
// connections whose last check failed by the service's fault (a timeout, a 5xx, a 429; never a
// refused credential, which is the user's to fix). The catalog shows it unless an administrator
// set the app's health (PUT /v1/admin/apps/{key}/health), which wins.
import type { ProviderHealth } from '@plugboard/contract';
import type { AppCheckCounts, CheckRepository } from './check-repository.js';
import type { HealthDerivationSettings } from './check-settings.js';

export type DerivedStatus = ProviderHealth['status'];

function statusFromCounts(
  counts: AppCheckCounts,
  settings: HealthDerivationSettings,
): DerivedStatus {
  if (counts.checked < settings.minChecked) return 'operational';
  const share = counts.serviceFailed / counts.checked;
  if (share >= settings.downShare) return 'down';
  if (share >= settings.degradedShare) return 'degraded';
  return 'operational';
}

/** Reads the derived health of every app whose checks say it is not operational. */
export class DerivedHealth {
  constructor(
    private readonly checks: CheckRepository,
    private readonly settings: HealthDerivationSettings,
    private readonly now: () => number,
  ) {}

  async read(): Promise<Map<string, Exclude<DerivedStatus, 'operational'>>> {
    const counts = await this.checks.countsSince(this.now() - this.settings.windowMs);
    const unhealthy = new Map<string, Exclude<DerivedStatus, 'operational'>>();
    for (const [app, appCounts] of counts) {
      const status = statusFromCounts(appCounts, this.settings);
      if (status !== 'operational') unhealthy.set(app, status);
    }
    return unhealthy;
  }
}
