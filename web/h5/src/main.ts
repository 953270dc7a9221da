import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n, languageReady } from './i18n';
import { router, redirectToLogin } from './router';
import { setUnauthenticatedHandler } from './api/client';
import { usePrefsStore } from './stores/prefs';
import './styles/theme.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
usePrefsStore(); // applies the saved language and text size before the first page renders
setUnauthenticatedHandler(redirectToLogin);
app.use(router);
// The saved language's messages first (English is fetched on demand), so no page renders keys.
void languageReady().then(() => app.mount('#app'));
