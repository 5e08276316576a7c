// Request bodies are checked against the contract's own schemas (openapi.yaml), so the server
// accepts exactly what the contract documents.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { ApiError } from './api-error.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const REQUEST_SCHEMAS = [
  'CreateSessionRequest',
  'CreateConnectionRequest',
  'UpdateConnectionRequest',
  'UpdateSettingsRequest',
  'StartOAuthFlowRequest',
  'ProviderHealth',
  'CreateConnectLinkRequest',
] as const;
type RequestSchemaName = (typeof REQUEST_SCHEMAS)[number];

let validators: Map<RequestSchemaName, ValidateFunction> | undefined;

function compileValidators(): Map<RequestSchemaName, ValidateFunction> {
  const path = createRequire(import.meta.url).resolve('@plugboard/contract/openapi.yaml');
  const document = parse(readFileSync(path, 'utf8')) as { components: unknown };
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  return new Map(
    REQUEST_SCHEMAS.map((name) => [
      name,
      ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` }),
    ]),
  );
}

/** Loads and compiles the schemas up front, so the first request does not pay for it. */
export function warmRequestSchemas(): void {
  validators ??= compileValidators();
}

/** Returns the body typed as `T` when it matches the named schema; 400 `bad_request` otherwise. */
export function assertBody<T>(name: RequestSchemaName, body: unknown): T {
  validators ??= compileValidators();
  const validate = validators.get(name)!;
  if (validate(body)) return body as T;
  const first = validate.errors?.[0];
  const where = first?.instancePath ? `${first.instancePath} ` : '';
  throw new ApiError(400, 'bad_request', `Invalid request body: ${where}${first?.message ?? ''}`);
}
