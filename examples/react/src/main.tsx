import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from '@plugboard/core';
import { App } from './App.js';
// The host page's own look, shared with the script-tag example: Plugboard brings no global CSS.
import '../../script-tag/page.css';

// The host page's one piece of Plugboard configuration: where the backend is, and how to get a
// session token for the signed-in user (this example's demo backend mints it with the secret key,
// for one demo user: see examples/host-backend for where a real host plugs in its sign-in).
configure({
  backendUrl: document.querySelector<HTMLMetaElement>('meta[name="plugboard-backend-url"]')!
    .content,
  fetchSessionToken: async () => {
    const response = await fetch('/api/plugboard-session', { method: 'POST' });
    if (!response.ok) throw new Error(`Could not get a session (${response.status})`);
    const { token } = (await response.json()) as { token: string };
    return token;
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
