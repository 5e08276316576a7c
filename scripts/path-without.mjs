// A PATH on which the given commands cannot be found, as on a machine that never installed it. A folder that
// holds the command is replaced by a folder of links to all its other entries: node and npm often
// sit beside a global pnpm, so the folder cannot simply be dropped.
// CLI (used by .ci/run): node scripts/path-without.mjs <scratch folder> <command>…  → prints the PATH.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {string[]} commands e.g. ['pnpm', 'pnpx'] (their `.cmd`-style shims go too)
 * @param {string} path the PATH to start from
 * @param {string} scratch a folder to hold the replacement folders
 * @returns {string}
 */
export function pathWithout(commands, path, scratch) {
  const hidden = (name) =>
    commands.some((command) => name === command || name.startsWith(`${command}.`));
  return path
    .split(delimiter)
    .filter(Boolean)
    .map((folder, index) => {
      if (!existsSync(folder) || !readdirSync(folder).some(hidden)) return folder;
      const shadow = join(scratch, `path-${index}`);
      mkdirSync(shadow, { recursive: true });
      for (const name of readdirSync(folder)) {
        if (!hidden(name)) symlinkSync(join(folder, name), join(shadow, name));
      }
      return shadow;
    })
    .join(delimiter);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [scratch, ...commands] = process.argv.slice(2);
  if (!scratch || commands.length === 0) {
    console.error('usage: node scripts/path-without.mjs <scratch folder> <command>…');
    process.exit(2);
  }
  process.stdout.write(pathWithout(commands, process.env.PATH ?? '', scratch));
}
