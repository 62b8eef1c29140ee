/**
 * The public API: `src/index.ts` is the library's only entry point. A change to what it exports is a change
 * for every user, so it shows up here and is reviewed.
 */
import assert from 'node:assert/strict';
import * as chancery from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    assert.deepEqual(Object.keys(chancery).sort(), [
      'ChanceryError',
      'ConvertCodes',
      'ConvertError',
      'DEFAULT_MAX_BYTES',
      'DIAGNOSTIC_CODES',
      'EditionCodes',
      'EntityCodes',
      'InputError',
      'IoCodes',
      'PersonRegistry',
      'TransformCodes',
      'TransformError',
      'UsageError',
      'VERSION',
      'ValidateCodes',
      'ValidateError',
      'XmlCodes',
      'allCodes',
      'buildEdition',
      'codeInfo',
      'convert',
      'convertFiles',
      'formatDiagnostic',
      'formatReport',
      'initProject',
      'messageOf',
      'readInput',
      'serializeTei',
      'transform',
      'transformEdition',
      'validate',
    ]);
  });

  it('converts, validates and transforms through the entry point alone', async () => {
    const { mkdtempSync, rmSync, writeFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'chancery-api-'));
    try {
      const { documents } = chancery.convert('SECRET\n\nDecember 23rd, 1941.\n\nMy dear Welles,\n\nYou will remember our talk.\n\nYours very sincerely,\n\nHALIFAX\n', { fileName: 'letter.txt' });
      assert.equal(documents.length, 1);
      writeFileSync(join(dir, 'letter.xml'), chancery.serializeTei(documents[0]!));
      const report = await chancery.validate([join(dir, 'letter.xml')], { schema: join(import.meta.dirname, '..', '..', 'schema', 'chancery.rng'), references: false });
      assert.equal(report.summary.invalid, 0, chancery.formatReport(report, 'text'));
      const out = join(dir, 'text');
      const t = await chancery.transform([dir], { to: 'text', outDir: out });
      assert.equal(t.documents, 1);
      assert.ok(readdirSync(out, { recursive: true }).some((f) => String(f).endsWith('.txt')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
