// Fails when the committed custom-elements.json differs from a fresh build of the manifest, so the
// wrappers and docs generated from it never drift from the elements' sources.
import { buildManifestText, manifestPath, readCommittedManifest } from './manifest.mjs';

const committed = readCommittedManifest();
const fresh = await buildManifestText();

if (committed === null) {
  console.error(`${manifestPath} is missing: run \`pnpm --filter @plugboard/elements manifest\`.`);
  process.exit(1);
}
if (committed !== fresh) {
  const tags = (text) =>
    JSON.parse(text)
      .modules.flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => declaration.tagName)
      .sort()
      .join(', ');
  console.error(
    `custom-elements.json is stale: run \`pnpm --filter @plugboard/elements manifest\` and commit it.\n` +
      `  committed elements: ${tags(committed) || '(none)'}\n` +
      `  current elements:   ${tags(fresh) || '(none)'}`,
  );
  process.exit(1);
}
console.error('custom-elements.json is up to date.');
