#!/usr/bin/env node
/**
 * The entry of the bundled CLI (`dist/cli/chancery.js`, scripts/bundle-cli.mjs; the package's `bin`): the
 * same command line as `dist/src/cli/main.js`, loaded as a few files instead of ~120 modules.
 */
import { main } from './main.js';

main();
