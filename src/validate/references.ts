/**
 * Checks across the files of an edition: every pointer into another file (`../persons.xml#stalin-j`,
 * `003.xml#p2`) names a file that exists and an xml:id in it; a persName/@ref names a person; an xml:id
 * used by two files is noted (info), not an error. Files referenced but not being validated (persons.xml when only changed
 * documents are checked) are read for their ids only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileOutcome } from './check-file.js';
import { ValidateCodes } from './codes.js';
import { decodeXml, parseXml, type IdInfo } from './parse.js';

/** The file that every persName/@ref points into. */
export const PERSONOGRAPHY = 'persons.xml';

/** Diagnostics by file (as the outcomes name them) for the edition-wide checks; `show` formats paths in messages. */
export function checkReferences(
  outcomes: readonly FileOutcome[],
  show: (file: string) => string = (f) => f,
): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic): void => {
    const list = found.get(file) ?? [];
    list.push(d);
    found.set(file, list);
  };
  const idsByFile = new Map<string, Map<string, IdInfo>>();
  for (const o of outcomes) idsByFile.set(resolve(o.file), new Map(o.ids.map((i) => [i.id, i])));

  const idsOf = (abs: string): Map<string, IdInfo> | undefined => {
    let ids = idsByFile.get(abs);
    if (ids || idsByFile.has(abs)) return ids;
    if (existsSync(abs)) {
      const decoded = decodeXml(readFileSync(abs), abs);
      ids = 'text' in decoded ? new Map(parseXml(abs, decoded.text).ids.map((i) => [i.id, i])) : new Map();
    }
    idsByFile.set(abs, ids as Map<string, IdInfo>);
    return ids;
  };

  for (const o of outcomes) {
    for (const ref of o.references) {
      const target = resolve(dirname(resolve(o.file)), ref.targetFile);
      const ids = idsOf(target);
      const isPerson = ref.element === 'persName' && ref.attribute === 'ref';
      if (isPerson && basename(target) !== PERSONOGRAPHY) {
        add(o.file, {
          code: ValidateCodes.refNotAPerson,
          severity: 'error',
          message: `persName/@ref "${ref.pointer}" must point into ${PERSONOGRAPHY}`,
          span: ref.span,
        });
        continue;
      }
      if (!ids) {
        add(o.file, {
          code: ValidateCodes.refFileMissing,
          severity: 'error',
          message: `@${ref.attribute} "${ref.pointer}" points to ${ref.targetFile}, which does not exist`,
          span: ref.span,
        });
        continue;
      }
      const hit = ids.get(ref.targetId);
      if (!hit) {
        add(o.file, {
          code: ValidateCodes.refIdMissing,
          severity: 'error',
          message: `@${ref.attribute} "${ref.pointer}": no xml:id "${ref.targetId}" in ${ref.targetFile}`,
          span: ref.span,
        });
      } else if (isPerson && hit.element !== 'person' && hit.element !== 'personGrp') {
        add(o.file, {
          code: ValidateCodes.refNotAPerson,
          severity: 'error',
          message: `persName/@ref "${ref.pointer}" points to a ${hit.element}, not a person`,
          span: ref.span,
          related: [hit.span],
        });
      }
    }
  }

  // xml:id is unique per document (the XML and TEI rule, and jing's): the same id in two files is a note, not
  // an error, so that verdicts on any folder are jing's. Only pointers across files (above) are an edition matter.
  const owner = new Map<string, IdInfo>();
  for (const o of outcomes) {
    for (const i of o.ids) {
      const first = owner.get(i.id);
      if (!first) owner.set(i.id, i);
      else if (first.span.file !== i.span.file) {
        add(o.file, {
          code: ValidateCodes.idNotUniqueAcrossEdition,
          severity: 'info',
          message: `xml:id "${i.id}" is also used in ${show(first.span.file)}:${first.span.line} (allowed: ids are unique per document; pointers across files name the file)`,
          span: i.span,
          related: [first.span],
        });
      }
    }
  }
  return found;
}
