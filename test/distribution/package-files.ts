// The files a package.json points at (exports, types, main), for the pack-and-install checks.
export interface PackageJson {
  name: string;
  main?: string;
  types?: string;
  exports?: ExportsValue;
  dependencies?: Record<string, string>;
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
