// Vue template typings for the Plugboard elements, generated from their custom elements manifest:
// attributes, properties and `@pb-…` events of <app-picker>, <connect-dialog>, <connection-status>
// and <app-connections>, checked by vue-tsc and completed by Vue's language tools.
// Use: tsconfig.json → "compilerOptions": { "types": ["@plugboard/vue/components"] }
/// <reference types="@plugboard/elements/types/vue" />
