// A deterministic synthetic catalog for the 10,000- and 100,000-app search and rendering
// benchmarks: the same (count, seed) always gives the same apps, with names that read like real
// products so typo-tolerant search is measured on realistic text.
import type { AppSummary, AuthType, HealthStatus } from './index.js';

const stems = [
  'Acme',
  'Apex',
  'Atlas',
  'Beacon',
  'Birch',
  'Bloom',
  'Bright',
  'Cargo',
  'Cedar',
  'Cinder',
  'Clarity',
  'Cloud',
  'Cobalt',
  'Comet',
  'Coral',
  'Crest',
  'Delta',
  'Echo',
  'Ember',
  'Falcon',
  'Fern',
  'Flux',
  'Forge',
  'Galaxy',
  'Granite',
  'Harbor',
  'Helix',
  'Horizon',
  'Indigo',
  'Iris',
  'Juniper',
  'Kestrel',
  'Kite',
  'Lattice',
  'Ledger',
  'Lumen',
  'Maple',
  'Meridian',
  'Mosaic',
  'Nimbus',
  'Nova',
  'Oak',
  'Orbit',
  'Origin',
  'Pebble',
  'Pilot',
  'Pixel',
  'Prism',
  'Pulse',
  'Quartz',
  'Quill',
  'Radiant',
  'Raven',
  'Ripple',
  'Sable',
  'Sage',
  'Signal',
  'Sierra',
  'Solstice',
  'Spark',
  'Sprout',
  'Summit',
  'Tandem',
  'Tidal',
  'Timber',
  'Trellis',
  'Umbra',
  'Vector',
  'Velvet',
  'Vertex',
  'Willow',
  'Zenith',
  'Zephyr',
  'Éclair',
  'Fjörd',
  'Señor',
  'Café',
  'Mañana',
  'Über',
];
const suffixes = [
  'CRM',
  'Desk',
  'Flow',
  'Hub',
  'Mail',
  'Sheets',
  'Books',
  'Pay',
  'Forms',
  'Chat',
  'Docs',
  'Drive',
  'Track',
  'Sync',
  'Cast',
  'Stack',
  'Base',
  'Board',
  'Calendar',
  'Analytics',
  'Shop',
  'HR',
  'Sign',
  'Notes',
  'Tasks',
  'Ops',
  'Metrics',
  'Survey',
  'Voice',
  'Support',
];
const categories = [
  'CRM',
  'Communication',
  'Email',
  'Marketing',
  'Project management',
  'Accounting',
  'Payments',
  'E-commerce',
  'File storage',
  'Forms',
  'HR',
  'Developer tools',
  'Analytics',
  'Customer support',
  'Scheduling',
  'Productivity',
  'Design',
  'Sales',
];
const authTypeChoices: AuthType[][] = [
  ['oauth2'],
  ['api_key'],
  ['token'],
  ['oauth2', 'api_key'],
  ['basic'],
  ['custom'],
];

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `count` synthetic apps, deterministic for a given `seed`, with unique keys. */
export function generateCatalog(count: number, seed = 1): AppSummary[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const usedKeys = new Map<string, number>();
  const apps: AppSummary[] = [];
  for (let index = 0; index < count; index += 1) {
    const stem = pick(stems);
    const suffix = pick(suffixes);
    const baseName = random() < 0.3 ? `${stem}${suffix.toLowerCase()}` : `${stem} ${suffix}`;
    const baseKey = slug(baseName);
    const seen = usedKeys.get(baseKey) ?? 0;
    usedKeys.set(baseKey, seen + 1);
    // Repeated names get a numbered edition, as real catalogs list regional or product variants.
    const name = seen === 0 ? baseName : `${baseName} ${seen + 1}`;
    const key = seen === 0 ? baseKey : `${baseKey}-${seen + 1}`;
    const healthRoll = random();
    const health: HealthStatus =
      healthRoll < 0.01 ? 'down' : healthRoll < 0.04 ? 'degraded' : 'operational';
    const primary = pick(categories);
    const secondary = random() < 0.4 ? pick(categories) : primary;
    apps.push({
      key,
      name,
      logoUrl: null,
      categories: [...new Set([primary, secondary])],
      aliases: random() < 0.25 ? [slug(stem) + suffix.slice(0, 1).toLowerCase()] : [],
      // Cubed so that, as in real catalogs, a few apps are far more popular than the long tail.
      popularity: Math.floor(random() ** 3 * 10_000),
      description: `${name}: ${primary.toLowerCase()} software for growing teams.`,
      health: { status: health },
      authTypes: pick(authTypeChoices),
    });
  }
  return apps;
}
