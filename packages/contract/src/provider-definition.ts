// The provider definition: one service described as data (see provider-definition.schema.json).
// The types are generated from the schema (`pnpm generate`), so the two cannot drift.
export type * from './generated/provider-definition.js';
