// Bundle sizes: ours, the Lit + Floating UI floor and Shoelace, all built by esbuild with the same
// settings, plus our script-tag bundle as the elements package really ships it (its Vite config).
import { build, type Metafile } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths.js';
import { runCommand } from './run-command.js';

export interface BundleTarget {
  name: 'ours' | 'floor' | 'shoelace';
  label: string;
  /** Relative to the repository root. */
  entry: string;
  /** The custom elements the bundle registers; the browser benchmark waits for all of them. */
  tags: string[];
}

export const bundleTargets: readonly BundleTarget[] = [
  {
    name: 'ours',
    label: 'ours: script-tag bundle (4 elements, core, lit, English; picker, dialog, OAuth lazy)',
    entry: 'packages/elements/src/plugboard.ts',
    tags: ['app-picker', 'connect-dialog', 'connection-status', 'app-connections'],
  },
  {
    name: 'floor',
    label: 'floor: lit + decorators + floating-ui, one trivial element',
    entry: 'bench/entries/floor.ts',
    tags: ['floor-element'],
  },
  {
    name: 'shoelace',
    label: 'Shoelace 2.20.1: dialog + input + button, with lit',
    entry: 'bench/entries/shoelace.ts',
    tags: ['sl-dialog', 'sl-input', 'sl-button'],
  },
];

export interface Sizes {
  /** Minified bytes of what a page downloads before the elements work. */
  min: number;
  gzip: number;
  brotli: number;
}

export interface BuiltBundle extends Sizes {
  target: BundleTarget;
  /** The entry chunk, for the browser benchmark to import. */
  file: string;
  /** Minified bytes of chunks loaded only on demand (non-English messages). */
  lazyMin: number;
  /** The largest contributors to the initial download, by package or source folder. */
  parts: { name: string; min: number }[];
}

const LISTED_PARTS = 8;

/** `lit-html` for node_modules paths, `packages/elements/src/app-picker` for workspace sources. */
export function partOf(input: string): string {
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(input);
  return packageName ? packageName[1]! : input.split('/').slice(0, 4).join('/');
}

function largestParts(metafile: Metafile, chunks: string[]): BuiltBundle['parts'] {
  const bytes = new Map<string, number>();
  for (const chunk of chunks) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[chunk]!.inputs)) {
      const part = partOf(input);
      bytes.set(part, (bytes.get(part) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .map(([name, min]) => ({ name, min }))
    .sort((a, b) => b.min - a.min)
    .slice(0, LISTED_PARTS);
}

export function sizesOf(bytes: Uint8Array): Sizes {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length,
  };
}

/** The entry output and every chunk it imports statically: the initial download. */
function initialChunks(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]!.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entryOutput);
  return [...seen];
}

/**
 * The common settings: everything bundled, minified, ES2022 modules, with code splitting so that
 * lazy chunks (our non-English messages) stay out of the initial size as they do when shipped.
 * Counted sizes compress each chunk separately, as a browser downloads them.
 */
export async function buildWithCommonSettings(
  target: BundleTarget,
  outRoot: string,
): Promise<BuiltBundle> {
  const outdir = join(outRoot, target.name);
  const result = await build({
    entryPoints: { [target.name]: target.entry },
    absWorkingDir: REPO_ROOT,
    outdir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.keys(result.metafile.outputs);
  // esbuild marks the chunk of every dynamic import as an entry point too: find the target's own.
  const entryOutput = outputs.find(
    (output) => result.metafile.outputs[output]!.entryPoint === target.entry,
  );
  if (!entryOutput) throw new Error(`esbuild wrote no output for ${target.entry}`);
  const initial = initialChunks(result.metafile, entryOutput);
  const sum = (chunks: string[], size: (bytes: Uint8Array) => number) =>
    chunks.reduce((total, chunk) => total + size(readFileSync(join(REPO_ROOT, chunk))), 0);
  const lazy = outputs.filter((output) => !initial.includes(output) && output.endsWith('.js'));
  return {
    target,
    file: join(REPO_ROOT, entryOutput),
    min: sum(initial, (bytes) => bytes.length),
    gzip: sum(initial, (bytes) => sizesOf(bytes).gzip),
    brotli: sum(initial, (bytes) => sizesOf(bytes).brotli),
    lazyMin: sum(lazy, (bytes) => bytes.length),
    parts: largestParts(result.metafile, initial),
  };
}

export interface ShippedBundle extends Sizes {
  file: 'plugboard.js' | 'plugboard.iife.js';
  /** The ES module's lazy chunks (dist/chunks/), each compressed on its own; the entry imports
   *  none of them statically, so the sizes above are its first download. */
  chunks?: Sizes;
}

function sumSizes(files: string[]): Sizes {
  const total: Sizes = { min: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const sizes = sizesOf(readFileSync(file));
    total.min += sizes.min;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
  }
  return total;
}

export interface ShippedBuild {
  bundles: ShippedBundle[];
  /** Absolute path of the built ES entry. */
  files: { entry: string };
  /** Lines the build printed (its plugins' warnings); the report counts them. */
  outputLines: number;
}

/**
 * Our script-tag bundle built by the elements package's own Vite config (ES module and classic
 * script), into a temporary folder so its dist/ is left alone.
 */
export async function buildShipped(outRoot: string): Promise<ShippedBuild> {
  const outDir = join(outRoot, 'shipped');
  // In its own process, at log level warn: what it prints is its plugins' warnings. The ES module
  // first (it empties the folder), then the classic script next to it.
  const viteBuild = (...mode: string[]) =>
    runCommand(process.execPath, [
      join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      'packages/elements',
      ...['--outDir', outDir, '--sourcemap', 'false', '--logLevel', 'warn', ...mode],
    ]);
  const output = (await viteBuild('--emptyOutDir')) + (await viteBuild('--mode', 'classic'));
  const chunksDir = join(outDir, 'chunks');
  const chunkNames = readdirSync(chunksDir).filter((name) => name.endsWith('.js'));
  const chunks = chunkNames.map((name) => join(chunksDir, name));
  return {
    bundles: [
      {
        file: 'plugboard.js',
        ...sizesOf(readFileSync(join(outDir, 'plugboard.js'))),
        chunks: sumSizes(chunks),
      },
      { file: 'plugboard.iife.js', ...sizesOf(readFileSync(join(outDir, 'plugboard.iife.js'))) },
    ],
    files: { entry: join(outDir, 'plugboard.js') },
    outputLines: output.split('\n').filter((line) => line.trim()).length,
  };
}
