/**
 * Checks across the files of an edition: every pointer into another file (`../persons.xml#stalin-j`,
 * `003.xml#p2`) names a file that exists and an xml:id in it; a persName/@ref names a person (decided by
 * src/edition's resolvePersonRef, as transform and `chancery persons` decide it); an xml:id used by two files
 * is noted (info), not an error. Files referenced but not being validated (persons.xml when only changed
 * documents are checked) are read for their ids only, and only when they are regular files inside the edition.
 */
import { resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EditionScope } from '../edition/files.js';
import { PERSONOGRAPHY } from '../edition/personography.js';
import { personRefFinding, resolvePersonRef } from '../edition/person-refs.js';
import { openXmlChunks, readXmlFile } from '../xml/read-file.js';
import type { FileOutcome } from './check-file.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { idsOf as factIds, referencesOf, type IdInfo } from './facts.js';
import { parseXml, parseXmlChunks } from './parse.js';

export { PERSONOGRAPHY };

/** Where referenced files may be read from, and how large they may be. */
export interface ReferenceLimits {
  scope?: EditionScope;
  maxFileBytes?: number;
}

/** Diagnostics by file (as the outcomes name them) for the edition-wide checks; `show` formats paths in messages. */
export function checkReferences(
  outcomes: readonly FileOutcome[],
  show: (file: string) => string = (f) => f,
  limits: ReferenceLimits = {},
): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic): void => {
    const list = found.get(file) ?? [];
    list.push(d);
    found.set(file, list);
  };
  const idsByFile = new Map<string, Map<string, IdInfo> | undefined>();
  const whyNot = new Map<string, string>();
  for (const o of outcomes) {
    if (o.unread === undefined) idsByFile.set(resolve(o.file), idMap(factIds(o.facts, o.file)));
    else {
      idsByFile.set(resolve(o.file), undefined);
      whyNot.set(resolve(o.file), `which cannot be read (${o.unread})`);
    }
  }

  const idsOf = (abs: string): Map<string, IdInfo> | undefined => {
    if (idsByFile.has(abs)) return idsByFile.get(abs);
    let ids: Map<string, IdInfo> | undefined;
    if (limits.scope && !limits.scope.contains(abs)) whyNot.set(abs, 'which is outside the edition or does not exist: not read');
    else {
      const found = readIds(abs, limits.maxFileBytes);
      if ('diagnostic' in found) whyNot.set(abs, found.diagnostic.code === ValidateCodes.unreadable && /no such file/.test(found.diagnostic.message) ? 'which does not exist' : `which cannot be read (${found.diagnostic.message})`);
      else ids = found.ids;
    }
    idsByFile.set(abs, ids);
    return ids;
  };
  const elementsByFile = new Map<string, Map<string, string> | undefined>();
  const personography = (abs: string): ReadonlyMap<string, string> | undefined => {
    if (elementsByFile.has(abs)) return elementsByFile.get(abs);
    const ids = idsOf(abs);
    const elements = ids ? new Map([...ids].map(([id, info]) => [id, info.element])) : undefined;
    elementsByFile.set(abs, elements);
    return elements;
  };

  for (const o of outcomes) {
    const from = resolve(o.file);
    for (const ref of referencesOf(o.facts, o.file)) {
      if (ref.element === 'persName' && ref.attribute === 'ref') {
        const verdict = resolvePersonRef(ref.pointer, from, personography);
        // a URI or `#x` never reaches here (only `file.xml#id` pointers are collected): Schematron's rule judges them
        if (verdict.kind === 'person' || verdict.kind === 'authority' || verdict.kind === 'local') continue;
        const hit = verdict.kind === 'not-a-person' ? idsOf(verdict.personography)?.get(verdict.id) : undefined;
        const why = verdict.kind === 'no-personography' ? whyNot.get(verdict.personography) : undefined;
        add(o.file, personRefFinding(verdict, ref.pointer, ref.span, { ...(why !== undefined ? { why } : {}), ...(hit ? { related: [hit.span] } : {}) }));
        continue;
      }
      const target = resolve(from, '..', ref.targetFile);
      const ids = idsOf(target);
      if (!ids) {
        add(o.file, diagnostic(ValidateCodes.refFileMissing, { attribute: ref.attribute, pointer: ref.pointer, file: ref.targetFile, why: whyNot.get(target) }, ref.span));
      } else if (!ids.get(ref.targetId)) {
        add(o.file, diagnostic(ValidateCodes.refIdMissing, { attribute: ref.attribute, pointer: ref.pointer, id: ref.targetId, file: ref.targetFile }, ref.span));
      }
    }
  }

  // xml:id is unique per document (the XML and TEI rule, and jing's): the same id in two files is a note, not
  // an error, so that verdicts on any folder are jing's. Only pointers across files (above) are an edition matter.
  const owner = new Map<string, IdInfo>();
  for (const o of outcomes) {
    for (const i of factIds(o.facts, o.file)) {
      const first = owner.get(i.id);
      if (!first) owner.set(i.id, i);
      else if (first.span.file !== i.span.file) {
        add(o.file, diagnostic(ValidateCodes.idNotUniqueAcrossEdition, { id: i.id, other: `${show(first.span.file)}:${first.span.line}` }, i.span, { related: [first.span] }));
      }
    }
  }
  return found;
}

/** Id → its record (the last, for an id a file repeats). */
function idMap(ids: Iterable<IdInfo>): Map<string, IdInfo> {
  const map = new Map<string, IdInfo>();
  for (const i of ids) map.set(i.id, i);
  return map;
}

/** The ids of a file outside the run (persons.xml when only changed documents are checked), read in chunks. */
function readIds(file: string, maxBytes: number | undefined): { ids: Map<string, IdInfo> } | { diagnostic: Diagnostic } {
  const chunks = openXmlChunks(file, maxBytes);
  if ('diagnostic' in chunks) return chunks;
  const read = parseXmlChunks(file, chunks);
  if (chunks.problem) return { diagnostic: chunks.problem };
  if (read && !chunks.failed) return { ids: idMap(factIds(read.facts, file)) };
  // a DOCTYPE or an encoding problem: read whole, as the checks read it
  const whole = readXmlFile(file, maxBytes);
  if ('diagnostic' in whole) return whole;
  return { ids: idMap(factIds(parseXml(file, whole.text).facts, file)) };
}
