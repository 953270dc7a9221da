import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Styles of the Element Plus parts called from code (the template ones are imported on demand).
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import 'element-plus/es/components/notification/style/css';
import './styles.css';
import App from './App.vue';
import { i18n, i18nReady } from './i18n';
import { router } from './router';

const app = createApp(App).use(createPinia()).use(i18n).use(router);
// The saved language's messages first (English is fetched on demand), so no page renders keys.
void i18nReady.then(() => app.mount('#app'));
