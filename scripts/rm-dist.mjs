// Empties the current package's dist/ before its build, so output of files since moved or deleted
// (a test helper, an old module) can never be packed and published.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
