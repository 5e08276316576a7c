// Fails when a generated file in src/generated/ is not what its source generates (run `pnpm generate`):
// openapi.ts from openapi.yaml, provider-definition.ts from provider-definition.schema.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GENERATED = [
  {
    target: 'src/generated/openapi.ts',
    command: (out) => ['openapi-typescript', ['openapi.yaml', '-o', out]],
  },
  {
    target: 'src/generated/provider-definition.ts',
    command: (out) => [
      'json2ts',
      [
        '-i',
        'provider-definition.schema.json',
        '-o',
        out,
        '--unreachableDefinitions',
        '--additionalProperties=false',
        '--ignoreMinAndMaxItems',
      ],
    ],
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'pb-contract-'));
let stale = false;
try {
  for (const { target, command } of GENERATED) {
    const fresh = join(scratch, 'fresh.ts');
    const [tool, args] = command(fresh);
    execFileSync(tool, args, { stdio: 'ignore' });
    // Format as the committed file is formatted: with the repo's Prettier config, found from its path.
    const formatted = execFileSync('prettier', ['--stdin-filepath', target], {
      input: readFileSync(fresh, 'utf8'),
      encoding: 'utf8',
    });
    if (formatted !== readFileSync(target, 'utf8')) {
      console.error(`${target} is stale: run \`pnpm --filter @plugboard/contract generate\`.`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
  console.log('generated types are fresh');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
