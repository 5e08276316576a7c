// A CDN for the script-tag bundle: another origin than the host page's, serving the built
// packages/elements/dist/plugboard.js and its lazy chunks under a versioned sub-path, with the
// CORS header a cross-origin module script (and each chunk it imports) needs.
import { join } from 'node:path';
import {
  listenOnLoopback,
  pathOf,
  send,
  sendFile,
  type LoopbackServer,
} from './loopback-server.js';

const DIST = join(import.meta.dirname, '../../packages/elements/dist');
const BASE_PATH = '/npm/@plugboard/elements@0.1.0/dist/';

export interface CdnServer extends LoopbackServer {
  /** The folder the bundle is served from, ending in `/`: `${base}plugboard.js`. */
  readonly base: string;
}

export async function startCdnServer(): Promise<CdnServer> {
  const server = await listenOnLoopback((request, response) => {
    const path = pathOf(request);
    response.setHeader('access-control-allow-origin', '*');
    const file = path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : undefined;
    if (file === undefined || !/^(plugboard\.js(\.map)?|chunks\/[\w.-]+\.js(\.map)?)$/.test(file))
      return send(response, 404, 'text/plain', 'not found');
    void sendFile(response, DIST, file);
  });
  return { ...server, base: `${server.origin}${BASE_PATH}` };
}
