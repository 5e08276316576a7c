import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { isPlugboardElement } from '@plugboard/vue/compiler';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isPlugboardElement } } })],
  build: { target: 'es2022', sourcemap: true },
});
