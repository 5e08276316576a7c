// @plugboard/server: the reference backend of the Plugboard Connect API.
export { startReferenceStack } from './reference-stack.js';
export type { ReferenceStack, ReferenceStackOptions } from './reference-stack.js';
export { mintSession, type MintSessionInput } from './mint-session.js';
export {
  createReferenceServer,
  type ReferenceServer,
  type ReferenceServerConfig,
} from './server.js';
export type { ProviderEndpoints } from './provider/provider-endpoints.js';
export { DEV_SECRET_KEY } from './config/defaults.js';
export { PortInUseError } from './http/listen.js';
