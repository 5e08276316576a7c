// @plugboard/mocks: MSW handlers that speak the Plugboard Connect API. Environment-agnostic:
// nothing here touches `window`, `document` or Node APIs at import time.
export {
  createMockBackend,
  MOCK_SECRET_KEY,
  type FlowCompletion,
  type MockBackend,
  type MockBackendOptions,
  type MockStore,
} from './backend.js';
export { scenarios, isScenarioName, type ScenarioName } from './scenarios.js';
export { hostilePayloads } from './hostile/hostile-payloads.js';
export { hostileCatalog } from './hostile/hostile-catalog.js';
export { demoApps } from './catalog/demo-apps.js';
export { DEMO_KEY } from './validation/credentials.js';
export { AUTHORIZE_PATH } from './handlers/mock-authorize-page.js';
export type { RecordedRequest } from './state/mock-state.js';
