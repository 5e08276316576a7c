// Every provider definition, validated against the schema when the server loads them. One JSON
// file per service in this folder; definitions.test.ts fails when a file is missing from this list.
import type { ProviderDefinition } from '@plugboard/contract/provider-definition';
import { parseProviderDefinition } from '@plugboard/contract/validate-provider-definition';
import pipedrive from './pipedrive.json' with { type: 'json' };
import slack from './slack.json' with { type: 'json' };

const files: Record<string, unknown> = {
  pipedrive,
  slack,
};

export const providerDefinitions: ReadonlyMap<string, ProviderDefinition> = new Map(
  Object.entries(files).map(([file, data]) => {
    const definition = parseProviderDefinition(data, `${file}.json`);
    if (definition.key !== file) throw new Error(`${file}.json defines “${definition.key}”.`);
    return [file, definition];
  }),
);
