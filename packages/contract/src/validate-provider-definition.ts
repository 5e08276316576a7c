// Checks a provider definition against provider-definition.schema.json. Node only: it reads the
// schema from disk. Returns readable problems (`/methods/0/tokenUrl: must be string`), none when valid.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ProviderDefinition } from './provider-definition.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
export const PROVIDER_DEFINITION_SCHEMA_PATH = fileURLToPath(
  new URL('../provider-definition.schema.json', import.meta.url),
);

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  });
  addFormats(ajv);
  validator = ajv.compile(JSON.parse(readFileSync(PROVIDER_DEFINITION_SCHEMA_PATH, 'utf8')));
  return validator;
}

export function providerDefinitionProblems(data: unknown): string[] {
  const validate = compiled();
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? 'is not valid'}`,
  );
}

export class InvalidProviderDefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid provider definition:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidProviderDefinitionError';
  }
}

/** The definition, typed, or an InvalidProviderDefinitionError naming `source`. */
export function parseProviderDefinition(data: unknown, source: string): ProviderDefinition {
  const problems = providerDefinitionProblems(data);
  if (problems.length > 0) throw new InvalidProviderDefinitionError(source, problems);
  return data as ProviderDefinition;
}
