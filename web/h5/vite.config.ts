// Member H5 (职工服务). Built from the repo root: `vite build --config web/h5/vite.config.ts`.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import { messagesPerLanguage } from '../vite.plugins.ts';

const apiTarget = 'http://127.0.0.1:3000';

// Vant's icon font is inlined as woff2; its fallback URL points at a CDN (at.alicdn.com), which
// Chromium still requests and our CSP blocks. Drop the fallback: no external requests.
function vantIconOffline(): Plugin {
  return {
    name: 'uh:vant-icon-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!/vant\/es\/icon\/index\.css$/.test(id.split('?')[0] ?? '')) return null;
      return { code: code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/h5/',
  logLevel: 'warn',
  plugins: [
    vue(),
    messagesPerLanguage(),
    vantIconOffline(),
    // Vant components are imported on demand as templates use them; local components are imported explicitly.
    Components({
      dirs: [],
      resolvers: [VantResolver()],
      dts: fileURLToPath(new URL('./src/components.d.ts', import.meta.url)),
    }),
  ],
  define: {
    // Composition API only (Vant and our pages): Vue's options API code is left out.
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    // No <i18n-t> or v-t in the H5; web/lib/i18n.ts compiles our messages (placeholders only).
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  },
  build: {
    outDir: '../../dist/web/h5',
    emptyOutDir: true,
    // scripts/finish-web.ts compresses the output and prints one summary line; Vite lists no assets.
    reportCompressedSize: false,
    // The plugin-timing notice is advice for profiling the build, printed on every busy machine.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      // The API refuses state-changing requests from a foreign Origin; present the target's own.
      '/api': { target: apiTarget, changeOrigin: true, headers: { origin: apiTarget } },
    },
  },
});
