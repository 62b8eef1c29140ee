/**
 * What the edition says about its persons, read back from disk: the personography `persons.xml` and every
 * `persName/@ref` of the TEI documents beside it. Behind `chancery persons`: mention counts per person, the
 * documents that name them, and findings (codes of the table, as validate reports them) for the references that
 * point at no person and the files that could not be read.
 */
import { basename, join, relative, resolve } from 'node:path';
import { EditionCodes, XmlCodes } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { XmlReader } from '../xml/read.js';
import { readXmlFile } from '../xml/read-file.js';
import { walkXmlFiles } from './files.js';
import { PERSONOGRAPHY, readPersonographyFile, type AuthorityId } from './personography.js';
import { personRefFinding, resolvePersonRef, unresolvedReason } from './person-refs.js';

/** One person with what the edition's documents say of them. */
export interface IndexedPerson {
  id: string;
  /** Display name: given names and surname from the personography. */
  name: string;
  mentions: number;
  /** Documents (paths relative to the TEI folder) that name the person. */
  documents: string[];
  correspondent: boolean;
  authority: AuthorityId[];
}

/** A `persName/@ref` that does not resolve to a person of `persons.xml`. */
export interface UnresolvedRef {
  file: string;
  /** 1-based line and column of the `<` of the `persName` start tag. */
  line: number;
  column: number;
  ref: string;
  text: string;
  /** Why it does not resolve, in a few words. */
  reason: string;
}

export interface PersonIndex {
  persons: IndexedPerson[];
  unresolved: UnresolvedRef[];
  /** False when the folder has no `persons.xml`. */
  hasPersonography: boolean;
  documents: number;
  /**
   * What a check reports, in the order found, with absolute paths: a missing persons.xml (TEI-ED-011), each file
   * not read (a device, a link out of the folder, not well-formed: the reader's own finding), and each pointer of
   * {@link unresolved} (TEI-REF-001, -002 or -004, as `validate` reports it).
   */
  diagnostics: Diagnostic[];
}

/**
 * Reads `teiDir/persons.xml` and the documents under `teiDir`, and indexes their person references. Linear in
 * the documents' size and the number of references: each ref is judged by src/edition's resolvePersonRef, its
 * line is the reader's, and a document is counted once per person with a set.
 */
export function indexPersons(teiDir: string): PersonIndex {
  const personographyPath = join(teiDir, PERSONOGRAPHY);
  const personography = readPersonographyFile(personographyPath);
  const hasPersonography = personography !== undefined;
  const byId = new Map<string, IndexedPerson>();
  const documentSets = new Map<string, Set<string>>();
  for (const p of personography?.persons ?? []) {
    byId.set(p.id, {
      id: p.id, name: [...p.forenames, p.surname].join(' '), mentions: 0, documents: [], correspondent: p.correspondent,
      authority: p.authority,
    });
    documentSets.set(p.id, new Set());
  }
  const personographyIds = personography?.ids;
  const personographyAbs = resolve(personographyPath);
  const lookup = (abs: string): ReadonlyMap<string, string> | undefined => (abs === personographyAbs ? personographyIds : undefined);
  const unresolved: UnresolvedRef[] = [];
  const diagnostics: Diagnostic[] = [];
  // the place names the path (as the caller shows it); the message, the file, so that the two never disagree
  if (!hasPersonography) diagnostics.push(diagnostic(EditionCodes.personographyMissing, { file: PERSONOGRAPHY }, { file: personographyPath, line: 1, column: 1 }));
  let documents = 0;
  for (const f of walkXmlFiles([teiDir])) {
    const rel = relative(teiDir, f.path);
    if (f.problem) {
      diagnostics.push(f.problem);
      continue;
    }
    if (basename(f.path) === PERSONOGRAPHY) continue;
    documents++;
    const read = readXmlFile(f.path);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    // persName elements (nested ones too: each keeps its own text) with their refs and the place of their `<`
    const open: { ref: string; line: number; column: number; text: string[] }[] = [];
    let depthInName = 0;
    let tagLine = 1;
    let tagColumn = 1;
    const reader = new XmlReader(
      f.path,
      {
        // the name and the character after it have been read: the `<` stands before them, on the same line
        opentagstart: (name) => {
          tagLine = reader.line;
          tagColumn = Math.max(1, reader.column - name.length - 1);
        },
        opentag: (tag) => {
          if (tag.local === 'persName') {
            open.push({ ref: tag.attributes.ref?.value ?? '', line: tagLine, column: tagColumn, text: [] });
            depthInName++;
          } else if (depthInName > 0) depthInName++;
        },
        closetag: (tag) => {
          if (depthInName === 0) return;
          depthInName--;
          if (tag.local !== 'persName') return;
          const name = open.pop()!;
          if (open.length > 0) for (const t of name.text) open[open.length - 1]!.text.push(t);
          record(name);
        },
        text: (t) => {
          if (open.length > 0) open[open.length - 1]!.text.push(t);
        },
      },
      { firstErrorOnly: true },
    );
    const record = (name: { ref: string; line: number; column: number; text: string[] }): void => {
      for (const one of name.ref.split(/\s+/).filter(Boolean)) {
        const verdict = resolvePersonRef(one, f.path, lookup);
        if (verdict.kind === 'person') {
          // a personGrp resolves (as validate has it) but is not listed: the list is of persons
          const person = byId.get(verdict.id);
          if (!person) continue;
          person.mentions++;
          const docs = documentSets.get(person.id)!;
          if (!docs.has(rel)) {
            docs.add(rel);
            person.documents.push(rel);
          }
          continue;
        }
        const reason = unresolvedReason(verdict, (p) => relative(teiDir, p) || p);
        unresolved.push({ file: rel, line: name.line, column: name.column, ref: one, text: name.text.join('').replace(/\s+/g, ' ').trim(), reason });
        const why = verdict.kind === 'no-personography' && verdict.personography !== personographyAbs ? 'which is not the persons.xml of the folder listed: not read' : undefined;
        diagnostics.push(personRefFinding(verdict, one, { file: f.path, line: name.line, column: name.column }, why !== undefined ? { why } : {}));
      }
    };
    reader.read(read.text);
    if (!reader.wellFormed) diagnostics.push(reader.diagnostics[0] ?? diagnostic(XmlCodes.notWellFormed, { detail: 'not well-formed' }, { file: f.path, line: 1, column: 1 }));
  }
  return { persons: [...byId.values()], unresolved, hasPersonography, documents, diagnostics };
}
