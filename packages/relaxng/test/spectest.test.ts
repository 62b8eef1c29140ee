/**
 * The RELAX NG test suite (James Clark's spectest.xml, 385 cases), read from ../shared/relaxng: every incorrect
 * schema rejected when compiled, every correct one compiled, every instance given the expected verdict.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { compileSchema, SchemaError, validateText, type CompiledSchema } from '../src/index.js';
import { SPECTEST, skipBecause } from './helpers.js';
import { readSpectest } from './spectest.js';

describe('RELAX NG test suite (spectest.xml)', function () {
  it('passes all 385 cases: incorrect schemas rejected at compile time, instance verdicts as expected', function () {
    if (!existsSync(SPECTEST)) return skipBecause(this, `${SPECTEST} is absent`);
    const cases = readSpectest(readFileSync(SPECTEST, 'utf8'));
    assert.equal(cases.length, 385);
    const failures: string[] = [];
    let incorrect = 0;
    let instances = 0;
    for (const c of cases) {
      const base = `file:///spectest/${String(c.number).padStart(3, '0')}/`;
      const files = new Map([...c.resources].map(([k, v]) => [new URL(k, base).href, v]));
      const load = (url: string): string => {
        const t = files.get(url);
        if (t === undefined) throw new Error('no such file');
        return t;
      };
      let schema: CompiledSchema | undefined;
      let error: unknown;
      try {
        schema = compileSchema(`${base}${c.correct ? 'c' : 'i'}.rng`, { load }, c.schema);
      } catch (e) {
        error = e;
      }
      if (error !== undefined && !(error instanceof SchemaError)) {
        failures.push(`case ${c.number}: ${String((error as Error).stack)}`);
        continue;
      }
      if (!c.correct) {
        incorrect++;
        if (!error) failures.push(`case ${c.number} (section ${c.section}): incorrect schema accepted`);
        else {
          // Every rejection says where and what, never a JavaScript error text.
          const d = (error as SchemaError).details[0]!;
          if (!(d.line! >= 1 && d.column! >= 1 && d.message.length > 0)) failures.push(`case ${c.number}: rejection without a place: ${JSON.stringify(d)}`);
        }
        continue;
      }
      if (!schema) {
        failures.push(`case ${c.number} (section ${c.section}): correct schema refused: ${(error as Error).message}`);
        continue;
      }
      for (const [expected, docs] of [
        [true, c.valid],
        [false, c.invalid],
      ] as const) {
        docs.forEach((doc, i) => {
          instances++;
          const r = validateText(schema!, doc, { file: `${base}${i + 1}.${expected ? 'v' : 'i'}.xml`, load });
          if (r.valid !== expected) failures.push(`case ${c.number} (section ${c.section}): ${expected ? 'valid' : 'invalid'} instance ${i + 1} judged ${r.valid ? 'valid' : 'invalid'}`);
        });
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(incorrect, 213);
    assert.equal(instances, 289 + 291);
  });
});
