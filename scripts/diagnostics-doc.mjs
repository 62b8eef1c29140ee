// Writes docs/diagnostics.md from the table of codes (src/diagnostics/codes.ts); test/diagnostics/reference.test.ts
// fails when the committed page differs from what this writes. Run after changing the table:
// usage: npm run docs:diagnostics   (builds, then runs this)
import { fileURLToPath } from 'node:url';
import { diagnosticsReference } from '../dist/src/diagnostics/index.js';
import { writeFileAtomic } from '../dist/src/io/write-file-atomic.js';

const page = fileURLToPath(new URL('../docs/diagnostics.md', import.meta.url));
writeFileAtomic(page, diagnosticsReference());
console.log(`wrote ${page}`);
