// The self-contained script-tag bundle (lit, core, English strings), in two builds.
// `vite build`: dist/plugboard.js, an ES module holding everything a page needs before anyone
// clicks, and lazy chunks next to it in dist/chunks/ (the picker, the connect dialog, the card's
// actions, the live channel, the other locales), which it imports relative to its own URL, each
// with the chunks it needs in the same round trip (preload-chunk-imports.ts).
// `vite build --mode classic`: dist/plugboard.iife.js, a classic script (window.Plugboard) with
// every chunk inlined, since a classic script cannot load chunks. `tsc -p tsconfig.build.json` writes the rest of dist/
// (per-module JS and types for npm) first, so these builds must not empty dist/.
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';
import { preloadChunkImports } from './preload-chunk-imports.js';

/**
 * clean-css minifies whole style sheets; a css`` fragment of bare declarations (the dark token
 * values, interpolated into two rules) is not one, so it is left as written.
 */
function isStyleSheet(template: { tag?: string; parts: { text: string }[] }): boolean {
  return (
    /^css$/i.test(template.tag ?? '') && template.parts.some((part) => part.text.includes('{'))
  );
}

export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  return {
    // The minifier leaves template literals alone: collapse the markup and CSS in html`` / css``
    // of the elements (Lit's own are minified already), failing the build rather than shipping
    // a file unminified.
    plugins: [
      minifyTemplateLiterals({
        include: ['**/packages/elements/src/**/*.ts'],
        failOnError: true,
        options: { shouldMinifyCSS: isStyleSheet },
      }),
      preloadChunkImports(),
    ],
    // A classic script has no module URL: it finds its own tag through document.currentScript.
    define: classic ? { 'import.meta.url': 'undefined' } : {},
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      lib: {
        entry: 'src/plugboard.ts',
        name: 'Plugboard',
        formats: [classic ? 'iife' : 'es'],
        fileName: () => (classic ? 'plugboard.iife.js' : 'plugboard.js'),
      },
      rolldownOptions: {
        // The entry may export more than configure(): what its lazy chunks import from it.
        preserveEntrySignatures: 'allow-extension',
        // The template minifier is slow and says so; the build is still a few seconds.
        checks: { pluginTimings: false },
        output: {
          // Vite's library mode leaves whitespace in ES output unless asked to minify.
          minify: true,
          // Every module the entry imports statically goes in the entry itself, so a page makes
          // one request before the elements work, not two in a row. Code that only a dynamic
          // import reaches lands in that import's chunk.
          codeSplitting: classic ? false : { groups: [{ name: 'plugboard', tags: ['$initial'] }] },
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
