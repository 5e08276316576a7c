// Each element's `::part` names and own custom properties, from the custom elements manifest that
// the analyzer generates from the JSDoc (`@csspart`, `@cssproperty`), the same source the API
// docs pages use.
import elementsManifest from '../../packages/elements/custom-elements.json';

export interface StylingHook {
  name: string;
  description: string;
}

export interface ElementStylingHooks {
  tagName: string;
  parts: StylingHook[];
  customProperties: StylingHook[];
}

interface ManifestDeclaration {
  customElement?: boolean;
  tagName?: string;
  cssParts?: Partial<StylingHook>[];
  cssProperties?: Partial<StylingHook>[];
}

interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

const hooks = (entries: Partial<StylingHook>[] = []): StylingHook[] =>
  entries.map(({ name = '', description = '' }) => ({ name, description }));

export function readStylingHooks(): ElementStylingHooks[] {
  return (elementsManifest as Manifest).modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => ({
      tagName: declaration.tagName!,
      parts: hooks(declaration.cssParts),
      customProperties: hooks(declaration.cssProperties),
    }))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}
