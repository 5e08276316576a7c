import { createApp } from 'vue';
import { createPlugboard } from '@plugboard/vue';
import App from './App.vue';
// The host page's own look, shared with the script-tag example: Plugboard brings no global CSS.
import '../../script-tag/page.css';

// The host page's one piece of Plugboard configuration: where the backend is, and how to get a
// session token for the signed-in user (this example's demo backend mints it with the secret key,
// for one demo user: see examples/host-backend for where a real host plugs in its sign-in).
const plugboard = createPlugboard({
  backendUrl: document.querySelector<HTMLMetaElement>('meta[name="plugboard-backend-url"]')!
    .content,
  fetchSessionToken: async () => {
    const response = await fetch('/api/plugboard-session', { method: 'POST' });
    if (!response.ok) throw new Error(`Could not get a session (${response.status})`);
    const { token } = (await response.json()) as { token: string };
    return token;
  },
});

createApp(App).use(plugboard).mount('#app');
