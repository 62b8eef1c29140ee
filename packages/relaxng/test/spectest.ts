/**
 * James Clark's RELAX NG test suite (spectest.xml), split into test cases the way jing-trang's prep.xsl does:
 * each `testCase` has a correct schema (`c.rng`) with valid and invalid instances, or an incorrect schema
 * (`i.rng`), plus `resource` files and `dir` folders beside the schema for include and externalRef.
 */
import { SaxesParser } from 'saxes';
import { expandMarkupEntities, readDoctype } from '../src/index.js';

export interface SpecCase {
  /** 1-based position, as prep.xsl numbers the cases (001…385). */
  number: number;
  section: string;
  /** Text of the schema; correct or incorrect. */
  schema: string;
  correct: boolean;
  valid: string[];
  invalid: string[];
  /** Other files, by path relative to the schema's folder. */
  resources: Map<string, string>;
}

export function readSpectest(source: string): SpecCase[] {
  const dt = readDoctype(source);
  const text = dt ? expandMarkupEntities(source, dt.end, dt.markupEntities) : source;
  const parser = new SaxesParser({ xmlns: false, position: true });
  if (dt) for (const [n, v] of dt.textEntities) parser.ENTITIES[n] = v;
  const cases: SpecCase[] = [];
  let current: SpecCase | undefined;
  const dirs: string[] = [];
  let captureStart = -1;
  let captureDepth = 0;
  let depth = 0;
  let captured = '';
  let hasElement = false;
  let section = '';
  let inSection = false;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (captureStart >= 0) {
      hasElement = true;
      return;
    }
    const name = tag.name;
    if (name === 'testCase') {
      current = { number: cases.length + 1, section: '', schema: '', correct: false, valid: [], invalid: [], resources: new Map() };
      cases.push(current);
    } else if (name === 'section' && current) inSection = true;
    else if (name === 'dir') dirs.push(tag.attributes.name as string);
    else if (['correct', 'incorrect', 'valid', 'invalid', 'resource'].includes(name) && current) {
      captureStart = parser.position;
      captureDepth = depth;
      captured = '';
      hasElement = false;
      if (name === 'resource') dirs.push(tag.attributes.name as string);
    }
  });
  parser.on('text', (t) => {
    if (captureStart >= 0) captured += t;
    else if (inSection) section += t;
  });
  parser.on('closetag', (tag) => {
    const d = depth--;
    if (captureStart >= 0 && d === captureDepth) {
      const end = text.lastIndexOf(`</${tag.name}`, parser.position);
      const xml = text.slice(captureStart, end);
      const content = hasElement ? xml : captured;
      captureStart = -1;
      switch (tag.name) {
        case 'correct':
        case 'incorrect':
          current!.schema = xml;
          current!.correct = tag.name === 'correct';
          break;
        case 'valid':
          current!.valid.push(xml);
          break;
        case 'invalid':
          current!.invalid.push(xml);
          break;
        case 'resource':
          current!.resources.set(dirs.join('/'), content);
          dirs.pop();
          break;
      }
      return;
    }
    if (captureStart >= 0) return;
    if (tag.name === 'section' && inSection) {
      inSection = false;
      if (current && !current.section) current.section = section.trim();
      section = '';
    } else if (tag.name === 'dir') dirs.pop();
    else if (tag.name === 'testCase') current = undefined;
  });
  parser.write(text).close();
  return cases;
}
