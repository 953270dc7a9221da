import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { messagesPerLanguage } from '../vite.plugins.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npx vite --config web/admin/vite.config.ts` proxies the API; UH_API_TARGET points it elsewhere.
const apiTarget = process.env.UH_API_TARGET ?? 'http://127.0.0.1:3000';

// The admin console: built from web/admin into dist/web/admin and served under /admin/.
export default defineConfig({
  root,
  base: '/admin/',
  logLevel: 'warn',
  plugins: [
    vue(),
    messagesPerLanguage(),
    Components({
      dirs: [],
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  define: {
    __VUE_OPTIONS_API__: 'true', // Element Plus's tree-select extends ElOption (an options-API feature)
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // web/lib/i18n.ts compiles our messages (placeholders only): vue-i18n's compiler stays out.
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  build: {
    outDir: '../../dist/web/admin',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    // scripts/finish-web.ts compresses the output and prints one summary line; Vite lists no assets.
    reportCompressedSize: false,
    // The plugin-timing notice is advice for profiling the build, printed on every busy machine.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
