// The `--pb-*` design tokens, read from the elements' own token stylesheet at runtime, so the
// Theming page can never drift from what the elements ship.
import { tokens } from '../../packages/elements/src/shared/tokens.styles.js';
import { TOKEN_PURPOSES } from './token-purposes.js';

export interface DesignToken {
  name: string;
  light: string;
  /** The dark theme's value; undefined where dark keeps the light value. */
  dark: string | undefined;
  purpose: string;
}

type TokenValues = Map<string, string>;

/**
 * Each token is declared as `--_pb-x: var(--pb-x, default)`: the public name and its default.
 * Adjustments without a public twin (reduced motion, forced colours) are not tokens.
 */
function customProperties(style: CSSStyleDeclaration): TokenValues {
  const values: TokenValues = new Map();
  for (const name of Array.from(style)) {
    const declared = style.getPropertyValue(name).replace(/\s+/g, ' ').trim();
    const token = /^var\((--pb-[a-z0-9-]+), (.*)\)$/.exec(declared);
    if (name.startsWith('--_pb-') && token) values.set(token[1]!, token[2]!);
  }
  return values;
}

/**
 * Parses the token stylesheet: the plain `:host` rule holds every token (light values), the
 * `:host([theme='dark'])` rule the dark overrides. Media-query variants (reduced motion, forced
 * colours) are adjustments of these, not tokens of their own.
 */
export function readDesignTokens(): DesignToken[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(tokens.cssText);
  let light: TokenValues = new Map();
  let dark: TokenValues = new Map();
  for (const rule of Array.from(sheet.cssRules)) {
    if (!(rule instanceof CSSStyleRule)) continue;
    if (rule.selectorText === ':host') light = customProperties(rule.style);
    else if (rule.selectorText.includes('dark')) dark = customProperties(rule.style);
  }
  return Array.from(light, ([name, value]) => ({
    name,
    light: value,
    dark: dark.get(name),
    purpose: TOKEN_PURPOSES[name] ?? 'Not described yet: see tokens.styles.ts.',
  }));
}
