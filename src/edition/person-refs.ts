/**
 * Whether a `persName/@ref` names a person of the edition, decided here and only here: validate reports what
 * this says, transform links and counts by it, `chancery persons` lists what does not resolve.
 */
import { basename, dirname, resolve } from 'node:path';
import { ValidateCodes } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import { PERSONOGRAPHY } from './personography.js';

/** What one pointer of a `persName/@ref` (one whitespace-separated token) leads to. */
export type PersonRefVerdict =
  /** A person (`person` or `personGrp`) of a persons.xml of the edition. */
  | { kind: 'person'; id: string; personography: string }
  /** A URI of another scheme (`https://www.wikidata.org/…`): an authority, not a pointer into the edition. */
  | { kind: 'authority' }
  /** A pointer into this document (`#x`), nothing of the personography. */
  | { kind: 'local' }
  /** A pointer into a file that is not persons.xml (`other.xml#x`). */
  | { kind: 'not-personography'; file: string }
  /** persons.xml is missing, or cannot be read (outside the edition, not a regular file, not well-formed). */
  | { kind: 'no-personography'; personography: string }
  | { kind: 'no-such-person'; id: string; personography: string }
  /** The id names another kind of element of persons.xml (a `listPerson`, a `place`). */
  | { kind: 'not-a-person'; id: string; element: string; personography: string };

/** The xml:ids of a personography and their elements' local names, or none when it cannot be read. */
export type PersonographyLookup = (absolutePath: string) => ReadonlyMap<string, string> | undefined;

const PERSON_ELEMENTS: ReadonlySet<string> = new Set(['person', 'personGrp']);

/** True for a value that is a URI of some scheme (`https:`, `urn:`), not a path. */
export function isUri(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref);
}

/** The file one pointer of a `persName/@ref` found in `documentFile` points into, or undefined for a URI or `#x`. */
export function pointedFile(ref: string, documentFile: string): string | undefined {
  if (isUri(ref)) return undefined;
  const hash = ref.indexOf('#');
  if (hash === 0) return undefined;
  return resolve(dirname(documentFile), hash < 0 ? ref : ref.slice(0, hash));
}

/** The persons.xml one pointer of a `persName/@ref` points into (not whether the person is there), or undefined. */
export function personographyOfRef(ref: string, documentFile: string): string | undefined {
  const file = pointedFile(ref, documentFile);
  return file !== undefined && basename(file) === PERSONOGRAPHY ? file : undefined;
}

/** Judges one pointer of a `persName/@ref` found in `documentFile` (an absolute path). */
export function resolvePersonRef(ref: string, documentFile: string, lookup: PersonographyLookup): PersonRefVerdict {
  if (isUri(ref)) return { kind: 'authority' };
  const file = pointedFile(ref, documentFile);
  if (file === undefined) return { kind: 'local' };
  if (basename(file) !== PERSONOGRAPHY) return { kind: 'not-personography', file };
  const hash = ref.indexOf('#');
  const ids = lookup(file);
  if (!ids) return { kind: 'no-personography', personography: file };
  const id = hash < 0 ? '' : ref.slice(hash + 1);
  const element = ids.get(id);
  if (element === undefined) return { kind: 'no-such-person', id, personography: file };
  if (!PERSON_ELEMENTS.has(element)) return { kind: 'not-a-person', id, element, personography: file };
  return { kind: 'person', id, personography: file };
}

/** A one-line reason for a verdict other than `person`, for reports. */
export function unresolvedReason(verdict: Exclude<PersonRefVerdict, { kind: 'person' }>, show: (file: string) => string = (f) => f): string {
  switch (verdict.kind) {
    case 'authority':
      return 'an authority URI, not a person of the edition';
    case 'local':
      return `a pointer into this document, not into ${PERSONOGRAPHY}`;
    case 'not-personography':
      return `must point into ${PERSONOGRAPHY}, not ${show(verdict.file)}`;
    case 'no-personography':
      return `${show(verdict.personography)} does not exist or cannot be read`;
    case 'no-such-person':
      return `no person "${verdict.id}" in ${show(verdict.personography)}`;
    case 'not-a-person':
      return `"${verdict.id}" is a ${verdict.element} in ${show(verdict.personography)}, not a person`;
  }
}

/**
 * The finding for one pointer of a `persName/@ref` that names no person, the same in `validate` and `chancery
 * persons`: into no persons.xml, or at something there that is not a person, TEI-REF-004; into a persons.xml that
 * cannot be read, TEI-REF-001 (`why` says why, "which does not exist" without it); at an id persons.xml lacks,
 * TEI-REF-002. Files and ids are named as the pointer writes them.
 */
export function personRefFinding(
  verdict: Exclude<PersonRefVerdict, { kind: 'person' }>,
  pointer: string,
  span: SourceSpan,
  options: { why?: string; related?: SourceSpan[] } = {},
): Diagnostic {
  const hash = pointer.indexOf('#');
  const file = hash < 0 ? pointer : pointer.slice(0, hash);
  switch (verdict.kind) {
    case 'authority':
    case 'local':
    case 'not-personography':
      return diagnostic(ValidateCodes.refNotAPerson, { pointer, personography: PERSONOGRAPHY }, span);
    case 'not-a-person':
      return diagnostic(ValidateCodes.refNotAPerson, { pointer, personography: PERSONOGRAPHY, element: verdict.element }, span, options.related ? { related: options.related } : {});
    case 'no-personography':
      return diagnostic(ValidateCodes.refFileMissing, { attribute: 'ref', pointer, file, ...(options.why !== undefined ? { why: options.why } : {}) }, span);
    case 'no-such-person':
      return diagnostic(ValidateCodes.refIdMissing, { attribute: 'ref', pointer, id: verdict.id, file }, span);
  }
}
