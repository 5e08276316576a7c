// The files a package.json points at (exports, types, main), and the packages an install holds,
// for the pack-and-install checks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageJson {
  name: string;
  version: string;
  main?: string;
  types?: string;
  exports?: ExportsValue;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  sideEffects?: boolean | string[];
}

type ExportsValue = string | null | { [key: string]: ExportsValue };

/** Every concrete file named by "exports" (wildcard entries are skipped), "main" and "types". */
export function exportedFiles(manifest: PackageJson): string[] {
  const files = new Set<string>();
  const visit = (value: ExportsValue | undefined) => {
    if (typeof value === 'string') {
      if (!value.includes('*')) files.add(value);
    } else if (value) Object.values(value).forEach(visit);
  };
  visit(manifest.exports);
  for (const file of [manifest.main, manifest.types]) if (file) files.add(file);
  return [...files];
}

/** Every file of an installed package, relative to its folder (its own node_modules left out). */
export function packageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((file) => !file.startsWith('node_modules/'));
}

/** Every installed copy of every package under `project`, nested ones included: name → versions. */
export function installedCopies(project: string): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  const visit = (nodeModules: string) => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`)
        : [entry];
      for (const name of names) {
        const dir = join(nodeModules, name);
        const manifest = join(dir, 'package.json');
        if (!existsSync(manifest)) continue;
        const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
        copies.set(name, [...(copies.get(name) ?? []), version]);
        visit(join(dir, 'node_modules'));
      }
    }
  };
  visit(join(project, 'node_modules'));
  return copies;
}
