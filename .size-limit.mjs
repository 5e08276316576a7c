// Size budgets (min + gzip, each file compressed on its own as a browser downloads it) of the
// script-tag bundle, checked by scripts/size-budgets.mjs in `npm test`. Targets and the measured
// values behind each limit: docs/benchmarks.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = 'packages/elements/dist';

/** `import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`; not `import("./x.js")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$\s{},*]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/**
 * A module and every file it imports statically, transitively: what a page downloads before the
 * elements work (the lazy chunks come through import(), which this leaves out).
 */
function staticClosure(entry) {
  const files = [entry];
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) continue; // reported as "not built" by scripts/size-budgets.mjs
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(STATIC_IMPORT)) {
      const imported = relative(root, join(dirname(path), specifier));
      if (!files.includes(imported)) files.push(imported);
    }
  }
  return files;
}

export default [
  {
    name: 'first download: ES entry + its static imports (issue 17 target 25 kB, not met: 32.51 kB)',
    path: staticClosure(`${dist}/plugboard.js`),
    limit: '33 kB',
    gzip: true,
  },
  {
    name: 'whole ES bundle, every chunk with the locale catalogs (issue 17 target 45 kB, not met: 91.03 kB)',
    path: [`${dist}/plugboard.js`, `${dist}/chunks/*.js`],
    limit: '91.5 kB',
    gzip: true,
  },
  {
    // The fallback for pages that cannot load a module: a classic script cannot load chunks, so it
    // holds everything (every element and every locale) in one file.
    name: 'classic IIFE fallback, everything inlined',
    path: `${dist}/plugboard.iife.js`,
    limit: '85 kB',
    gzip: true,
  },
];
