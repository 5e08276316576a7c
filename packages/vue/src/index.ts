// @plugboard/vue: a Vue 3 plugin that registers the Plugboard elements and shares one configuration.
import type { App, InjectionKey, Plugin } from 'vue';
import { configure, type PlugboardOptions } from '@plugboard/core';
import { defineAllElements } from '@plugboard/elements';

/** What `inject(plugboardKey)` gives a component: the configuration the plugin was installed with. */
export const plugboardKey: InjectionKey<Readonly<PlugboardOptions>> = Symbol('plugboard');

/**
 * `app.use(createPlugboard({ backendUrl, fetchSessionToken }))` configures every Plugboard element
 * in the app and registers the tags (in the browser; nothing happens during server-side rendering).
 */
export function createPlugboard(options: PlugboardOptions): Plugin {
  return {
    install(app: App) {
      configure(options);
      if (typeof customElements !== 'undefined') defineAllElements();
      app.provide(plugboardKey, Object.freeze({ ...options }));
    },
  };
}

export type * from '@plugboard/elements';
