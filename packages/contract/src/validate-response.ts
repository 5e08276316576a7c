// Checks a response (status, content type, body) against openapi.yaml, for the server's and the
// mocks' contract tests. Node only: it reads the YAML document from disk.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const documentPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

interface ResponseSpec {
  content?: Record<string, { schema?: unknown }>;
  $ref?: string;
}
interface OperationSpec {
  operationId: string;
  responses: Record<string, ResponseSpec>;
}

/** The parsed YAML: plain JSON objects walked by key. */
type JsonObject = { [key: string]: JsonObject };

let cached:
  { ajv: Ajv2020; operations: Map<string, OperationSpec>; document: JsonObject } | undefined;

function load() {
  if (cached) return cached;
  const document = parse(readFileSync(documentPath, 'utf8')) as JsonObject;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  const operations = new Map<string, OperationSpec>();
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      if (operation?.operationId)
        operations.set(String(operation.operationId), operation as unknown as OperationSpec);
    }
  }
  cached = { ajv, operations, document };
  return cached;
}

function resolve(document: JsonObject, spec: ResponseSpec): ResponseSpec {
  if (!spec.$ref) return spec;
  const path = spec.$ref.replace(/^#\//, '').split('/');
  return path.reduce((node, key) => node[key]!, document) as unknown as ResponseSpec;
}

/** Rewrites local `#/components/...` refs so Ajv resolves them inside the registered document. */
function rebase(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
  );
}

const validators = new Map<string, ValidateFunction>();

/** Compiling costs milliseconds; each response schema is compiled once per process. */
function compiled(ajv: Ajv2020, key: string, schema: unknown): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(schema) as object);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Returns a list of problems (empty when the response matches the contract).
 * `contentType` is the response's Content-Type header; `body` the parsed JSON (or text).
 */
export function contractViolations(
  operationId: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const { ajv, operations, document } = load();
  const operation = operations.get(operationId);
  if (!operation) return [`unknown operation ${operationId}`];
  const declared = operation.responses[String(status)] ?? operation.responses.default;
  if (!declared) return [`${operationId}: status ${status} is not declared`];
  const response = resolve(document, declared);
  if (!response.content) {
    return body === undefined || body === null || body === ''
      ? []
      : [`${operationId} ${status}: no body expected`];
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  const media = response.content[mediaType];
  if (!media) {
    return [
      `${operationId} ${status}: content type "${mediaType}" is not one of ${Object.keys(response.content).join(', ')}`,
    ];
  }
  if (!media.schema) return [];
  const validate = compiled(ajv, `${operationId} ${status} ${mediaType}`, media.schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${operationId} ${status}: ${e.instancePath || '/'} ${e.message}`,
  );
}

/**
 * Checks one server-sent event of a `text/event-stream` operation against the schemas its 200
 * answer names in `x-event-data`: `ready`, `reset`, and `connection` for every `connection.*`
 * event (whose `type` must then be the event's name). Returns the problems, empty when it matches.
 */
export function streamEventViolations(operationId: string, event: string, data: unknown): string[] {
  const { ajv, operations, document } = load();
  const operation = operations.get(operationId);
  if (!operation) return [`unknown operation ${operationId}`];
  const media = resolve(document, operation.responses['200'] ?? {}).content?.['text/event-stream'];
  const schemas = (media as { 'x-event-data'?: Record<string, unknown> } | undefined)?.[
    'x-event-data'
  ];
  if (!schemas) return [`${operationId}: no x-event-data on its text/event-stream answer`];
  const kind = event.startsWith('connection.') ? 'connection' : event;
  const schema = schemas[kind];
  if (!schema) return [`${operationId}: event "${event}" is not declared`];
  const validate = compiled(ajv, `${operationId} event ${kind}`, schema);
  const problems = validate(data)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${operationId} ${event}: ${e.instancePath || '/'} ${e.message}`,
      );
  const type = (data as { type?: unknown } | null)?.type;
  if (kind === 'connection' && type !== event) {
    problems.push(`${operationId} ${event}: data.type is "${String(type)}"`);
  }
  return problems;
}
