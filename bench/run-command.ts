// Runs a command to completion with its output captured, for steps whose console noise (build
// plugins, a sub-benchmark's own table) does not belong in the report.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './paths.js';

/** Resolves with the combined stdout and stderr; rejects with them if the command fails. */
export function runCommand(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(
            new Error(`${[command, ...args].join(' ')} exited with ${code}:\n${output.trim()}`),
          ),
    );
  });
}
