/**
 * What the edition says about its persons, read back from disk: the personography `persons.xml` and every
 * `persName/@ref` of the TEI documents beside it. Behind `chancery persons`: mention counts per person, the
 * documents that name them, and the references that point at no person.
 */
import { basename, join, relative, resolve } from 'node:path';
import { XmlReader } from '../xml/read.js';
import { readXmlFile } from '../xml/read-file.js';
import { walkXmlFiles } from './files.js';
import { PERSONOGRAPHY, readPersonographyFile, type AuthorityId } from './personography.js';
import { resolvePersonRef, unresolvedReason } from './person-refs.js';

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
  /** 1-based line of the `persName` start tag. */
  line: number;
  ref: string;
  text: string;
  /** Why it does not resolve, in a few words. */
  reason: string;
}

/** A file of the folder that could not be read (a device, a link out of the folder, not well-formed…). */
export interface UnreadFile {
  file: string;
  message: string;
}

export interface PersonIndex {
  persons: IndexedPerson[];
  unresolved: UnresolvedRef[];
  /** False when the folder has no `persons.xml`. */
  hasPersonography: boolean;
  documents: number;
  /** Files that were not read, each with its reason. */
  unread: UnreadFile[];
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
  const unread: UnreadFile[] = [];
  let documents = 0;
  for (const f of walkXmlFiles([teiDir])) {
    const rel = relative(teiDir, f.path);
    if (f.problem) {
      unread.push({ file: rel, message: f.problem.message });
      continue;
    }
    if (basename(f.path) === PERSONOGRAPHY) continue;
    documents++;
    const read = readXmlFile(f.path);
    if ('diagnostic' in read) {
      unread.push({ file: rel, message: read.diagnostic.message });
      continue;
    }
    // persName elements (nested ones too: each keeps its own text) with their refs and the line of their start tag
    const open: { ref: string; line: number; text: string[] }[] = [];
    let depthInName = 0;
    const reader = new XmlReader(
      f.path,
      {
        opentag: (tag) => {
          if (tag.local === 'persName') {
            open.push({ ref: tag.attributes.ref?.value ?? '', line: reader.line, text: [] });
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
    const record = (name: { ref: string; line: number; text: string[] }): void => {
      for (const one of name.ref.split(/\s+/).filter(Boolean)) {
        const verdict = resolvePersonRef(one, f.path, lookup);
        const person = verdict.kind === 'person' ? byId.get(verdict.id) : undefined;
        if (person) {
          person.mentions++;
          const docs = documentSets.get(person.id)!;
          if (!docs.has(rel)) {
            docs.add(rel);
            person.documents.push(rel);
          }
          continue;
        }
        const reason = verdict.kind === 'person' ? `no person "${verdict.id}" in ${PERSONOGRAPHY}` : unresolvedReason(verdict, (p) => relative(teiDir, p) || p);
        unresolved.push({ file: rel, line: name.line, ref: one, text: name.text.join('').replace(/\s+/g, ' ').trim(), reason });
      }
    };
    reader.read(read.text);
    if (!reader.wellFormed) unread.push({ file: rel, message: reader.diagnostics[0]?.message ?? 'not well-formed' });
  }
  return { persons: [...byId.values()], unresolved, hasPersonography, documents, unread };
}
