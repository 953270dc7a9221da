import { createApp } from 'vue';
import { createPinia } from 'pinia';
// Styles of the Element Plus parts called from code (the template ones are imported on demand).
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import 'element-plus/es/components/notification/style/css';
import './styles.css';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app');
