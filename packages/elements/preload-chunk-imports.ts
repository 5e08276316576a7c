// A lazy chunk that imports other chunks costs two round trips: the chunk, then what it imports.
// Vite preloads those in parallel in an app build, not in library mode, so this Vite plugin does
// it for the script-tag bundle: `import("./chunks/x.js")` also starts fetching the chunks x.js
// imports statically (those the importing chunk has not loaded already), in the same round trip.
// A fetch that fails is left for the real import to report.
import { posix } from 'node:path';
import MagicString from 'magic-string';
import type { Plugin, Rollup } from 'vite';

const DYNAMIC_IMPORT = /\bimport\((["'`])(\.{1,2}\/[^"'`]+)\1\)/g;

export function preloadChunkImports(): Plugin {
  return {
    name: 'plugboard:preload-chunk-imports',
    renderChunk(code, chunk, _options, { chunks }) {
      const here = posix.dirname(chunk.fileName);
      const loaded = staticClosure(chunk.fileName, chunks);
      const edited = new MagicString(code);
      for (const match of code.matchAll(DYNAMIC_IMPORT)) {
        const target = posix.join(here, match[2]!);
        if (!chunks[target]) continue;
        const alongside = [...staticClosure(target, chunks)].filter(
          (file) => file !== target && !loaded.has(file),
        );
        if (alongside.length === 0) continue;
        const urls = alongside.map((file) => `./${posix.relative(here, file)}`);
        const start = match.index!;
        edited.overwrite(
          start,
          start + match[0].length,
          `(${JSON.stringify(urls)}.forEach((url) => import(url).catch(() => {})), ${match[0]})`,
        );
      }
      if (!edited.hasChanged()) return null;
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/** A chunk and every chunk it imports statically, transitively (file names). */
function staticClosure(
  fileName: string,
  chunks: Record<string, Rollup.RenderedChunk>,
): Set<string> {
  const closure = new Set([fileName]);
  for (const file of closure)
    for (const imported of chunks[file]?.imports ?? []) closure.add(imported);
  return closure;
}
