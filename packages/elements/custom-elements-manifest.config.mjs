// Custom elements manifest (custom-elements.json): the source of the React/Vue wrappers, editor
// integrations and Storybook's docs tables. Regenerate: pnpm --filter @plugboard/elements manifest
// A stale committed manifest fails `pnpm --filter @plugboard/elements check:manifest`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

// Editor hints and template typings are written beside package.json; check-manifest.mjs points
// PB_EDITOR_OUTDIR at a scratch folder to compare fresh output with the committed files.
const editorOutdir = process.env.PB_EDITOR_OUTDIR ?? fileURLToPath(new URL('.', import.meta.url));
const typesOutdir = `${editorOutdir}/types`;
// The typings import the element and event classes by the package's own name, which resolves both
// inside the workspace and from an installed package.
const editorOptions = {
  hideLogs: true,
  descriptionSrc: 'description',
  globalTypePath: '@plugboard/elements',
};

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

/**
 * Types each element's events by their classes. Every event class declares
 * `static readonly eventName = 'pb-…'`; the analyzer also guesses an event per
 * `dispatchEvent(new XEvent(arg))`, named after `arg`, which this drops. Events documented with
 * `@event pb-…` get the class with that eventName as their type, so wrappers and typings know it.
 */
const typedEvents = {
  name: 'plugboard-typed-events',
  packageLinkPhase({ customElementsManifest }) {
    const declarations = customElementsManifest.modules.flatMap(
      (module) => module.declarations ?? [],
    );
    const classByEventName = new Map();
    for (const declaration of declarations) {
      const field = declaration.members?.find((m) => m.static && m.name === 'eventName');
      const name = field?.default?.match(/^['"](.+)['"]$/)?.[1];
      if (name) classByEventName.set(name, declaration.name);
    }
    const eventClasses = new Set(classByEventName.values());
    for (const element of declarations.filter((d) => d.customElement)) {
      element.events = element.events
        ?.filter(
          (event) =>
            event.name &&
            !(eventClasses.has(event.type?.text) && !classByEventName.has(event.name)),
        )
        .map((event) => {
          const type = classByEventName.get(event.name);
          return type && !event.type ? { ...event, type: { text: type } } : event;
        });
    }
  },
};

const camelCase = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

/**
 * Finishes the JSX and Vue typings. Their generators type a handler's argument as
 * `CustomEvent<T>`, assuming T is a `detail`; Plugboard's events are Event subclasses carrying their
 * own fields, so the handler receives T itself. They also import a class once per element that
 * fires it, which is a duplicate identifier for consumers without skipLibCheck.
 */
function finishTypings(file, { vue = false } = {}) {
  const uniqueNames = (names) => [
    ...new Set(
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  return {
    name: 'plugboard-finish-typings',
    packageLinkPhase() {
      let text = readFileSync(file, 'utf8')
        .replaceAll(/CustomEvent<(\w+Event)>/g, '$1')
        .replaceAll(
          /import type \{([^}]*)\}/g,
          (_, names) => `import type { ${uniqueNames(names).join(', ')} }`,
        );
      // vue-tsc matches `allow-disconnect="…"` and `@pb-connect-success` against camelCase props
      // (`allowDisconnect`, `onPbConnectSuccess`); kebab-case keys would leave them unchecked.
      if (vue) {
        text = text.replaceAll(/^(\s*)["'](on)?([a-z][\w-]*)["']\?:/gm, (_, indent, on, name) =>
          on ? `${indent}on${camelCase(`-${name}`)}?:` : `${indent}${camelCase(name)}?:`,
        );
      }
      writeFileSync(file, text);
    },
  };
}

/**
 * Parts exported through composed elements (`exportparts`). Each inner element's part names live
 * in a list beside it (`<tag>.parts.ts`) that the outer elements render into `exportparts`; this
 * plugin fails the build when a list and the element's `@csspart` tags differ, and documents the
 * exported names (`picker-input`…) on the outer element from the inner one's descriptions.
 */
const EXPORTED_PARTS = {
  lists: {
    'app-picker': 'appPickerParts',
    'connect-dialog': 'connectDialogParts',
    'connection-status': 'connectionStatusParts',
  },
  /** outer tag → [inner tag, prefix] */
  exports: {
    'app-connections': [
      ['app-picker', 'picker-'],
      ['connect-dialog', 'dialog-'],
      ['connection-status', 'status-'],
    ],
    'connection-status': [['connect-dialog', 'dialog-']],
  },
};

const exportedParts = {
  name: 'plugboard-exported-parts',
  packageLinkPhase({ customElementsManifest }) {
    const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
    const element = (tag) => declarations.find((d) => d.tagName === tag);
    // Captured before any element gains exported parts: the inner elements' own documented parts.
    const ownParts = new Map(
      Object.keys(EXPORTED_PARTS.lists).map((tag) => [tag, [...(element(tag)?.cssParts ?? [])]]),
    );
    for (const [tag, variable] of Object.entries(EXPORTED_PARTS.lists)) {
      const list = declarations.find((d) => d.kind === 'variable' && d.name === variable);
      const listed = [...(list?.default ?? '').matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
      const documented = ownParts.get(tag).map((part) => part.name);
      if (listed.join() !== documented.join()) {
        throw new Error(
          `${variable} must list <${tag}>'s @csspart names in the same order.\n` +
            `  ${variable}: ${listed.join(', ')}\n  @csspart:  ${documented.join(', ')}`,
        );
      }
    }
    for (const [outerTag, inners] of Object.entries(EXPORTED_PARTS.exports)) {
      const outer = element(outerTag);
      const names = new Set((outer.cssParts ?? []).map((part) => part.name));
      for (const [innerTag, prefix] of inners) {
        for (const part of ownParts.get(innerTag)) {
          if (names.has(prefix + part.name)) continue;
          names.add(prefix + part.name);
          outer.cssParts = [
            ...(outer.cssParts ?? []),
            {
              name: prefix + part.name,
              description: `The inner <${innerTag}>'s \`${part.name}\`: ${part.description}`,
            },
          ];
        }
      }
    }
  },
};

/** Sorts modules by path so the manifest does not depend on the file system's listing order. */
const sortModules = {
  name: 'plugboard-sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

/**
 * The manifest documents the public API: private and protected members (controllers, timers,
 * handlers) would show up in Storybook's tables, editor hints and the wrappers' props.
 */
const publicApiOnly = {
  name: 'plugboard-public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        declaration.members = declaration.members.filter(
          (member) => member.privacy !== 'private' && member.privacy !== 'protected',
        );
      }
    }
  },
};

/**
 * A read-only property (such as ConnectionStatus.status) stays in the manifest, which documents
 * it, but not in the JSX and Vue template typings: a template cannot set it. The first plugin
 * hides such members from the typings' generators, the second puts them back.
 */
function readonlyOutOfTypings() {
  const complete = new Map();
  return [
    {
      name: 'plugboard-hide-readonly',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.customElement || !declaration.members) continue;
            complete.set(declaration, declaration.members);
            declaration.members = declaration.members.filter(
              (member) => !(member.kind === 'field' && member.readonly && !member.static),
            );
          }
        }
      },
    },
    {
      name: 'plugboard-restore-readonly',
      packageLinkPhase() {
        for (const [declaration, members] of complete) declaration.members = members;
      },
    },
  ];
}

const [hideReadonly, restoreReadonly] = readonlyOutOfTypings();

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json is edited by hand; its "exports" already name ./custom-elements.json.
  packagejson: false,
  quiet: true,
  plugins: [
    defineElementCalls(),
    publicApiOnly,
    typedEvents,
    exportedParts,
    sortModules,
    // VS Code's html.customData: tag, attribute and value completion with docs in HTML files.
    customElementVsCodePlugin({ ...editorOptions, outdir: editorOutdir, cssFileName: null }),
    // JSX IntrinsicElements (Preact, Solid, Stencil…) and Vue GlobalComponents template types.
    hideReadonly,
    customElementJsxPlugin({ ...editorOptions, outdir: typesOutdir, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...editorOptions, outdir: typesOutdir, fileName: 'vue.d.ts' }),
    restoreReadonly,
    finishTypings(`${typesOutdir}/jsx.d.ts`),
    finishTypings(`${typesOutdir}/vue.d.ts`, { vue: true }),
  ],
};
