// Custom elements manifest (custom-elements.json): the source of the React/Vue wrappers, editor
// integrations and Storybook's docs tables. Regenerate: pnpm --filter @plugboard/elements manifest
// A stale committed manifest fails `pnpm --filter @plugboard/elements check:manifest`.

/**
 * Elements register through `defineElement('tag', Class)` (src/shared/define.ts) rather than
 * `customElements.define` or `@customElement`, so the analyzer cannot see their tag names on its
 * own. This plugin reads those calls: every call names a class's tag, and a call at a module's top
 * level (a define entry) makes that module export a custom-element-definition, as importing it
 * registers the element. The analyzer's own reading of the `customElements.define(tag, ctor)`
 * inside defineElement names no real class and is dropped.
 */
function defineElementCalls() {
  const calls = [];
  return {
    name: 'plugboard-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ts.isStringLiteralLike(tag) || !ctor || !ts.isIdentifier(ctor)) return;
      const topLevel = ts.isExpressionStatement(node.parent) && ts.isSourceFile(node.parent.parent);
      calls.push({ tagName: tag.text, className: ctor.text, moduleDoc, topLevel });
    },
    packageLinkPhase({ customElementsManifest }) {
      const { modules } = customElementsManifest;
      const classes = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind === 'class') classes.set(declaration.name, { declaration, module });
        }
      }
      for (const module of modules) {
        module.exports = module.exports?.filter(
          (e) => e.kind !== 'custom-element-definition' || classes.has(e.declaration.name),
        );
      }
      for (const { tagName, className, moduleDoc, topLevel } of calls) {
        const found = classes.get(className);
        if (!found) continue;
        Object.assign(found.declaration, { tagName, customElement: true });
        if (!topLevel) continue;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []).filter((e) => e.name !== tagName),
          {
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: found.module.path },
          },
        ];
      }
    },
  };
}

/** Sorts modules by path so the manifest does not depend on the file system's listing order. */
const sortModules = {
  name: 'plugboard-sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json is edited by hand; its "exports" already name ./custom-elements.json.
  packagejson: false,
  quiet: true,
  plugins: [defineElementCalls(), sortModules],
};
