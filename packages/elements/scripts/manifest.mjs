// Builds the custom elements manifest with @custom-elements-manifest/analyzer and the config beside
// package.json. Run directly to write custom-elements.json; check-manifest.mjs imports it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const manifestPath = join(packageDir, 'custom-elements.json');

/** The manifest text exactly as the analyzer writes it, without touching the file. */
export async function buildManifestText() {
  const manifest = await cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs'],
    cwd: packageDir,
    noWrite: true,
  });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function readCommittedManifest() {
  try {
    return readFileSync(manifestPath, 'utf8');
  } catch {
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(manifestPath, await buildManifestText());
  console.error(`wrote ${manifestPath}`);
}
