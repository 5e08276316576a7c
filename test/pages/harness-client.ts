// What every test page needs to build a Plugboard client: the backend URL and a session-token
// source, both from the page server (playing the host product's backend). The end user comes from
// the page's `?user=` parameter, which the test sets.
import type { PlugboardOptions } from '@plugboard/core';
import { HARNESS_PATHS } from '../harness/harness-paths.js';

export async function harnessClientOptions(): Promise<PlugboardOptions> {
  const user = new URLSearchParams(location.search).get('user');
  if (!user) throw new Error('Open this page with ?user=<end-user id>.');
  const { backendUrl } = await getJson<{ backendUrl: string }>(HARNESS_PATHS.config);
  return {
    backendUrl,
    fetchSessionToken: async () => {
      const session = `${HARNESS_PATHS.session}?${new URLSearchParams({ user })}`;
      return (await getJson<{ token: string }>(session)).token;
    },
  };
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}
