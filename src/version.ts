import { readFileSync } from 'node:fs';
import { packageFile } from './io/package-files.js';

/** Chancery's own version, read from package.json so that `--version` and revisionDesc never drift. */
export const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
export const TOOL_NAME = 'Chancery';
