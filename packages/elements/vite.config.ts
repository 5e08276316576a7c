// The self-contained script-tag bundle: everything (lit, @floating-ui/dom, core, English strings)
// in one file per format. dist/plugboard.js is an ES module whose other locales stay separate
// lazy chunks; dist/plugboard.iife.js is a classic script (window.Plugboard) with those locales
// inlined, since a classic script cannot load chunks. `tsc -p tsconfig.build.json` writes the
// rest of dist/ (per-module JS and types for npm) first, so this build must not empty dist/.
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

/**
 * clean-css minifies whole style sheets; a css`` fragment of bare declarations (the dark token
 * values, interpolated into two rules) is not one, so it is left as written.
 */
function isStyleSheet(template: { tag?: string; parts: { text: string }[] }): boolean {
  return (
    /^css$/i.test(template.tag ?? '') && template.parts.some((part) => part.text.includes('{'))
  );
}

export default defineConfig({
  // The minifier leaves template literals alone: collapse the markup and CSS in html`` / css``,
  // in our own sources only (Lit's are minified already), failing the build rather than shipping
  // a file unminified.
  plugins: [
    minifyTemplateLiterals({
      include: ['**/packages/*/src/**/*.ts'],
      failOnError: true,
      options: { shouldMinifyCSS: isStyleSheet },
    }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/plugboard.ts',
      name: 'Plugboard',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'plugboard.js' : `plugboard.${format}.js`),
    },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Vite's library mode leaves whitespace in ES output unless asked to minify.
        minify: true,
        codeSplitting: { groups: [{ name: 'plugboard', tags: ['$initial'] }] },
        // The ES build's only chunks are the non-English message catalogs.
        chunkFileNames: 'locales/[name]-[hash].js',
      },
    },
  },
});
