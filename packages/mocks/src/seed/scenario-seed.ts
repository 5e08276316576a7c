import type { App, Connection, HealthStatus } from '@plugboard/contract';
import { assertSafePatterns } from '@plugboard/contract/field-check';
import { demoApps } from '../catalog/demo-apps.js';
import { hugeCatalog } from '../catalog/generated-apps.js';
import { hostileCatalog, hostileConnections } from '../hostile/hostile-catalog.js';
import type { ScenarioName } from '../scenarios.js';
import { clip } from '../text.js';
import {
  defaultConnections,
  everyStatusConnections,
  twoAccountConnections,
} from './seed-connections.js';

export interface SeedOptions {
  baseUrl: string;
  catalog?: readonly App[];
  connections?: Connection[];
}

const healthMessages: Partial<Record<ScenarioName, [HealthStatus, (name: string) => string]>> = {
  'provider-degraded': [
    'degraded',
    (name) => `${name} is responding slowly. Connecting may take longer than usual.`,
  ],
  'provider-down': [
    'down',
    (name) => `${name} is not responding. New connections are paused until it recovers.`,
  ],
};

function catalogFor(scenario: ScenarioName, options: SeedOptions): App[] {
  const base =
    scenario === 'huge-catalog'
      ? hugeCatalog()
      : scenario === 'hostile-catalog'
        ? hostileCatalog()
        : structuredClone([...(options.catalog ?? demoApps)]);
  const health = healthMessages[scenario];
  if (!health) return base;
  const [status, message] = health;
  return base.map((app) => ({ ...app, health: { status, message: clip(message(app.name), 500) } }));
}

/** The connections a scenario starts with, and the accounts they hold where it matters. */
function connectionsFor(
  scenario: ScenarioName,
  catalog: readonly App[],
  options: SeedOptions,
  now: Date,
): { connections: Connection[]; accounts?: Map<string, string> } {
  switch (scenario) {
    case 'empty':
      return { connections: [] };
    case 'connections-every-status':
      return { connections: everyStatusConnections(catalog, options.baseUrl, now) };
    case 'hostile-catalog':
      return { connections: hostileConnections(catalog, options.baseUrl) };
    case 'two-accounts':
      return twoAccountConnections(catalog, options.baseUrl, now);
    default:
      return {
        connections: options.connections
          ? structuredClone(options.connections)
          : defaultConnections(catalog, options.baseUrl, now),
      };
  }
}

/**
 * The catalog and connections a scenario starts from. A catalog with a field pattern that could
 * freeze a check of user input is refused (UnsafePatternError), as the reference server refuses it.
 */
export function seedFor(scenario: ScenarioName, options: SeedOptions, now = new Date()) {
  const catalog = catalogFor(scenario, options);
  assertSafePatterns(catalog);
  return { catalog, ...connectionsFor(scenario, catalog, options, now) };
}
