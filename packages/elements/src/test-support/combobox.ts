// Test support: what an APG combobox points at.

/** The listbox a combobox controls (`aria-controls`), in the combobox's own shadow root. */
export function controlledListbox(combobox: Element): HTMLElement | null {
  const root = combobox.getRootNode() as Document | ShadowRoot;
  return root.getElementById(combobox.getAttribute('aria-controls') ?? '');
}
