/**
 * Files Chancery ships (its schemas, templates, assets, package.json), found from this module's own place:
 * `src/io/` in the repository, `dist/src/io/` when built, `node_modules/chancery/dist/src/io/` when installed.
 * Never from the current folder, which is the user's project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IoCodes } from '../diagnostics/codes.js';
import { ChanceryError } from '../diagnostics/diagnostic.js';

let root: string | undefined;

/** The folder of Chancery's own package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'chancery') return (root = dir);
      } catch {
        // not ours: keep looking upward
      }
    }
    dir = dirname(dir);
  }
  // a broken installation, not a user's mistake
  throw ChanceryError.of(IoCodes.packageMissing, { from: fileURLToPath(import.meta.url) });
}

/** A file of the package, by its path inside it (`schema/chancery.rng`). */
export function packageFile(path: string): string {
  return join(packageRoot(), path);
}
