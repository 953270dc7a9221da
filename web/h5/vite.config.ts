// Member H5 (职工服务). Built from the repo root: `vite build --config web/h5/vite.config.ts`.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';

const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/h5/',
  plugins: [
    vue(),
    // Vant components are imported on demand as templates use them; local components are imported explicitly.
    Components({
      dirs: [],
      resolvers: [VantResolver()],
      dts: fileURLToPath(new URL('./src/components.d.ts', import.meta.url)),
    }),
  ],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: '../../dist/web/h5',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      // The API refuses state-changing requests from a foreign Origin; present the target's own.
      '/api': { target: apiTarget, changeOrigin: true, headers: { origin: apiTarget } },
      '/favicon.svg': { target: apiTarget, changeOrigin: true },
    },
  },
});
