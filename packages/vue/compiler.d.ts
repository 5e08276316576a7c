/** True for the Plugboard tags: pass it as Vue's `compilerOptions.isCustomElement`. */
export declare function isPlugboardElement(tag: string): boolean;
