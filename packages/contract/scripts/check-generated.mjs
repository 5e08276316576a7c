// Fails when src/generated/openapi.ts is not what openapi.yaml generates (run `pnpm generate`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'pb-contract-'));
const fresh = join(scratch, 'openapi.ts');
try {
  execFileSync('openapi-typescript', ['openapi.yaml', '-o', fresh], { stdio: 'ignore' });
  // Format as the committed file is formatted: with the repo's Prettier config, found from its path.
  const formatted = execFileSync('prettier', ['--stdin-filepath', 'src/generated/openapi.ts'], {
    input: readFileSync(fresh, 'utf8'),
    encoding: 'utf8',
  });
  if (formatted !== readFileSync('src/generated/openapi.ts', 'utf8')) {
    console.error(
      'src/generated/openapi.ts is stale: run `pnpm --filter @plugboard/contract generate`.',
    );
    process.exit(1);
  }
  console.log('generated wire types are fresh');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
