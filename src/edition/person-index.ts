/**
 * What the edition says about its persons, read back from disk: the personography `persons.xml` and every
 * `persName/@ref` of the TEI documents beside it. Behind `chancery persons`: mention counts per person, the
 * documents that name them, and the references that point at no person.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PERSONOGRAPHY, personIdOf, readPersonographyFile, type AuthorityId } from './personography.js';

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
}

export interface PersonIndex {
  persons: IndexedPerson[];
  unresolved: UnresolvedRef[];
  /** False when the folder has no `persons.xml`. */
  hasPersonography: boolean;
  documents: number;
}

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...xmlFiles(path));
    else if (name.endsWith('.xml') && name !== PERSONOGRAPHY && !name.startsWith('.')) out.push(path);
  }
  return out;
}

const PERS_NAME = /<persName\b([^>]*)>([\s\S]*?)<\/persName>/g;
const REF = /\bref\s*=\s*("([^"]*)"|'([^']*)')/;

/** Reads `teiDir/persons.xml` and the documents under `teiDir`, and indexes their person references. */
export function indexPersons(teiDir: string): PersonIndex {
  const personography = readPersonographyFile(join(teiDir, PERSONOGRAPHY));
  const hasPersonography = personography !== undefined;
  const byId = new Map<string, IndexedPerson>();
  for (const p of personography?.persons ?? []) {
    byId.set(p.id, {
      id: p.id, name: [...p.forenames, p.surname].join(' '), mentions: 0, documents: [], correspondent: p.correspondent,
      authority: p.authority,
    });
  }
  const unresolved: UnresolvedRef[] = [];
  const files = xmlFiles(teiDir);
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const rel = relative(teiDir, file);
    for (const m of xml.matchAll(PERS_NAME)) {
      const refMatch = REF.exec(m[1] ?? '');
      if (!refMatch) continue;
      const ref = refMatch[2] ?? refMatch[3] ?? '';
      for (const one of ref.split(/\s+/).filter(Boolean)) {
        const id = personIdOf(one);
        const person = id !== undefined && one.includes(PERSONOGRAPHY) ? byId.get(id) : undefined;
        if (!person) {
          const line = xml.slice(0, m.index).split('\n').length;
          unresolved.push({ file: rel, line, ref: one, text: (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() });
          continue;
        }
        person.mentions++;
        if (!person.documents.includes(rel)) person.documents.push(rel);
      }
    }
  }
  return { persons: [...byId.values()], unresolved, hasPersonography, documents: files.length };
}
