// The source catalog: every string a person can see in Plugboard. Other locales must have every
// key (see `Messages`). `{name}` is a placeholder; plural messages pick a form by `{count}`.
// Written for the people connecting their apps, not for developers. English is kept in two parts
// so a page that only shows connections downloads only their text: en-base.ts and en-flow.ts.
import { enBase } from './en-base.js';
import { enFlow } from './en-flow.js';

/** The whole English catalog, the source every other locale must match. */
export const en = { ...enBase, ...enFlow };
