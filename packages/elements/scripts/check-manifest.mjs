// Fails when the committed custom-elements.json, or an editor file generated from it (VS Code custom
// data, JSX and Vue typings), differs from a fresh build, so the wrappers, typings and docs generated
// from the manifest never drift from the elements' sources.
import { buildAllInScratch, editorFiles, manifestPath, readCommitted } from './manifest.mjs';

const fix = 'run `pnpm --filter @plugboard/elements manifest` and commit the result';
const { manifest, editor } = await buildAllInScratch();
const committed = readCommitted('custom-elements.json');

if (committed === null) {
  console.error(`${manifestPath} is missing: ${fix}.`);
  process.exit(1);
}
if (committed !== manifest) {
  const tags = (text) =>
    JSON.parse(text)
      .modules.flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => declaration.tagName)
      .sort()
      .join(', ');
  console.error(
    `custom-elements.json is stale: ${fix}.\n` +
      `  committed elements: ${tags(committed) || '(none)'}\n` +
      `  current elements:   ${tags(manifest) || '(none)'}`,
  );
  process.exit(1);
}
const staleEditorFiles = editorFiles.filter((file) => readCommitted(file) !== editor[file]);
if (staleEditorFiles.length > 0) {
  console.error(
    `${staleEditorFiles.join(', ')} ${staleEditorFiles.length > 1 ? 'are' : 'is'} stale: ${fix}.`,
  );
  process.exit(1);
}
console.error(`custom-elements.json and ${editorFiles.join(', ')} are up to date.`);
