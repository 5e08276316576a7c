// Builds the custom elements manifest with @custom-elements-manifest/analyzer and the config beside
// package.json, and with it the editor hints generated from it (VS Code custom data, JSX and Vue
// typings). Run directly to write them all; check-manifest.mjs builds them into a scratch folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import * as prettier from 'prettier';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const manifestPath = join(packageDir, 'custom-elements.json');
/** Written by the editor plugins in custom-elements-manifest.config.mjs, relative to packageDir. */
export const editorFiles = ['vscode.html-custom-data.json', 'types/jsx.d.ts', 'types/vue.d.ts'];

/** The manifest text exactly as the analyzer writes it (the editor plugins write their own files). */
async function buildManifestText() {
  const manifest = await cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs'],
    cwd: packageDir,
    noWrite: true,
  });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Builds the manifest and the editor files into `outdir` (the plugins read PB_EDITOR_OUTDIR) and
 * formats those with the repository's Prettier settings, so they pass `prettier --check`.
 * @returns {Promise<{ manifest: string, editor: Record<string, string> }>}
 */
export async function buildAll(outdir) {
  process.env.PB_EDITOR_OUTDIR = outdir;
  const manifest = await buildManifestText();
  const options = (await prettier.resolveConfig(join(packageDir, 'package.json'))) ?? {};
  const editor = {};
  for (const file of editorFiles) {
    const raw = readFileSync(join(outdir, file), 'utf8');
    editor[file] = await prettier.format(raw, { ...options, filepath: join(packageDir, file) });
  }
  return { manifest, editor };
}

/** Builds everything into a scratch folder (deleted again) and returns the texts. */
export async function buildAllInScratch() {
  const scratch = mkdtempSync(join(tmpdir(), 'pb-manifest-'));
  try {
    return await buildAll(scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function readCommitted(file) {
  try {
    return readFileSync(join(packageDir, file), 'utf8');
  } catch {
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { manifest, editor } = await buildAll(packageDir);
  writeFileSync(manifestPath, manifest);
  for (const [file, text] of Object.entries(editor)) writeFileSync(join(packageDir, file), text);
  console.error(`wrote ${manifestPath} and ${editorFiles.join(', ')}`);
}
