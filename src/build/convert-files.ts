/**
 * Converting files on disk into an edition folder: read (refusing what is not a readable text file), convert,
 * and write each document to `<outDir>/<folder>/<nnn>.xml` atomically, where every source has a folder of its
 * own. Nothing an editor changed is overwritten and nothing Chancery did not write is removed: every file
 * written carries a mark (src/edition/generated-mark.ts), and only files whose mark still matches are
 * regenerated or cleaned up. Shared by `chancery convert` and `build`.
 */
import { readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ConvertCodes, EditionCodes, IoCodes } from '../diagnostics/codes.js';
import { ConvertError, diagnostic, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { removeStaleTempFiles, writeFileAtomic } from '../io/write-file-atomic.js';
import { ioCause } from '../io/read-regular-file.js';
import { packageFile } from '../io/package-files.js';
import { breathe } from '../io/breathe.js';
import type { SourceText } from '../model/document.js';
import { convertDocuments, decodeSource, DEFAULT_MAX_BYTES, fillPersonRefsInBytes, MentionRecorder, MentionStore, PersonRegistry, serializeTei } from '../convert/index.js';
import { generatedState, markGeneratedBytes } from '../edition/generated-mark.js';
import { addToEditedPersonography, personographyXml, PERSONOGRAPHY, readEditorFile, readPersonographyFile, type PersonographyFile } from '../edition/personography.js';
import { FolderAssigner, folderOwners, xmlFilesIn } from '../edition/source-folders.js';
import { PERSON_REVIEW, personReviewJson } from '../edition/person-review.js';
import { readInput } from './read-input.js';
import { convertInWorkers, convertWorkerCount, type ConvertJob } from './convert-pool.js';
import { PendingDocuments, type PendingPlace } from './pending-documents.js';
import { ParkedDocuments } from './parked-documents.js';
import type { ConvertReply, ConvertRequest } from './convert-worker.js';

export { DEFAULT_MAX_BYTES, readInput };

export interface ConvertFilesOptions {
  outDir: string;
  /**
   * The folder that relative paths (the inputs, `outDir`, `personsFile`) are relative to; results and messages name
   * the inputs and the edition's files as they were given. Without it, the process's folder, as Node's file
   * functions have it.
   */
  cwd?: string;
  /**
   * The editor's persons file (JSON or CSV; default none): corrections, merges and authority ids applied to the
   * personography. The personography itself is `<outDir>/persons.xml`: read first (its ids are kept), written after.
   */
  personsFile?: string;
  maxBytes?: number;
  /** The edition's date (YYYY-MM-DD) for publicationStmt and revisionDesc; none is written without it. */
  generatedOn?: string;
  /** Regenerate files edited since they were generated, and files at generated paths that carry no mark. */
  force?: boolean;
  /**
   * The inputs are every source of the edition (`build`): the folders of sources not among them are withdrawn,
   * and their unedited files removed.
   */
  complete?: boolean;
  /** Called after each input file with the bytes done so far. */
  onFile?: (file: string, bytesDone: number, bytesTotal: number) => void;
  /**
   * Worker threads converting files side by side (default 1: all in this thread); never more than the files or
   * the cores. The output is the same byte for byte whatever the number.
   */
  jobs?: number;
}

export interface ConvertedFile {
  file: string;
  encoding?: string;
  /** The folder of the edition that holds this source's documents (its slug, numbered when that was taken). */
  folder?: string;
  /** How many documents the source holds (written out one by one as they were finished, not kept). */
  documents: number;
  /** Files written (or already identical) for this source. */
  written: string[];
  bytes: number;
  /** Set when the file could not be read at all. */
  error?: Diagnostic;
  /**
   * Set when documents of this source could not be written (TEI-IO-003): the first failure, with how many more
   * failed. Its other documents, and the other sources, are written all the same.
   */
  notWritten?: Diagnostic;
}

/** A file Chancery would have written or removed, kept because it is not (or no longer) Chancery's to change. */
export interface KeptFile {
  path: string;
  /** `edited`: changed since it was generated; `unmarked`: no generation mark (written by hand, or by an older Chancery). */
  reason: 'edited' | 'unmarked';
  /** True when this run no longer generates it (fewer documents, a withdrawn source). */
  stale: boolean;
}

/** What a run did to the edition's personography. */
export interface PersonographyOutcome {
  file: string;
  count: number;
  /** Correspondents still without an authority id (wikidata or VIAF). */
  withoutAuthority: string[];
  /** True when persons.xml had been edited by hand: its persons were kept as they are, new ones only added. */
  edited: boolean;
  /** Persons this run added to it. */
  added: number;
  /** True when it could not be written (a finding TEI-IO-003 says why): the file on disk is the old one, if any. */
  notWritten?: boolean;
}

export interface ConvertFilesResult {
  files: ConvertedFile[];
  persons: PersonographyOutcome;
  diagnostics: Diagnostic[];
  /** Files kept as they are instead of regenerated or removed. */
  kept: KeptFile[];
  /** Generated, unedited files removed because this run no longer generates them. */
  removed: string[];
  /**
   * Files that could not be written or removed (TEI-IO-003; also among `diagnostics`): one finding per source whose
   * documents failed, one per other file. The run went on with everything else.
   */
  writeFailures: Diagnostic[];
}

/** What one input gives, in order: its documents, then how it ended (see {@link ConvertReply}). */
type FileEvent = ConvertReply;

/**
 * Converts input files into the edition folder `options.outDir`. Each document is serialised as soon as it is
 * finished and waits, with placeholder person ids, in a temporary file ({@link PendingDocuments}): memory holds one
 * source and its documents in progress, and the mentions of the edition. Once every source is converted, the link
 * step decides the persons of all mentions at once (PersonRegistry.link) and the documents are written with their
 * ids, so that the edition is the same whatever the order of the inputs and the number of `jobs` (worker threads).
 */
export async function convertFiles(givenPaths: string[], options: ConvertFilesOptions): Promise<ConvertFilesResult> {
  // Files are read and written at absolute places (`at`), and named as the caller named them (`shown`).
  const at = (p: string): string => (options.cwd === undefined ? p : resolve(options.cwd, p));
  const paths = givenPaths.map(at);
  const outDir = at(options.outDir);
  const shown = (p: string): string => (p.startsWith(outDir + sep) ? join(options.outDir, relative(outDir, p)) : p);
  const files: ConvertedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const kept: KeptFile[] = [];
  const removed: string[] = [];
  const writeFailures: Diagnostic[] = [];
  const failedTo = (file: string, e: unknown, extra: { more?: number; source?: string; remove?: boolean } = {}): Diagnostic => {
    const d = diagnostic(IoCodes.writeFailed, { file: shown(file), cause: ioCause(e), ...extra }, { file: shown(file), line: 1, column: 1 });
    writeFailures.push(d);
    return d;
  };
  // Both files are read before anything is written: a truncated persons.xml or a broken persons file stops the
  // run with a clear error instead of starting the ids afresh.
  const personsPath = join(outDir, PERSONOGRAPHY);
  // temporary files of a run that was killed while writing here
  removeStaleTempFiles(outDir);
  const previous = readPersonographyFile(personsPath);
  const editorEntries = options.personsFile ? readEditorFile(at(options.personsFile)) : undefined;
  const persons = PersonRegistry.fromEntries(previous?.persons ?? []);
  if (editorEntries) persons.applyEditor(editorEntries, options.personsFile);
  for (const d of persons.diagnostics) diagnostics.push(d);
  const owners = folderOwners(outDir);
  const folders = new FolderAssigner(owners, options.force === true);
  const sourceOf = (path: string): string => relative(outDir, path).split(sep).join('/');
  learnNames(paths, persons, options.maxBytes);
  const total = paths.reduce((n, p) => n + safeSize(p), 0);
  let done = 0;
  const jobs: ConvertJob[] = paths.map((path, i) => ({
    path,
    shownPath: givenPaths[i]!,
    fileName: basename(path),
    parkIn: outDir,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.generatedOn ? { generatedOn: options.generatedOn } : {}),
  }));
  const workers = convertWorkerCount(options.jobs ?? 1, paths.length);
  // Workers and this thread alike tag with a recorder: mentions are written down with placeholder ids, and the
  // link step decides the persons once every source is read, so that neither the order of the sources nor the
  // number of workers changes an id. A worker is sent what its source teaches read alone, as learning read it
  // above: reading the source's names again there cost as much as the learning (0.2 s a MB).
  const events: AsyncIterable<FileEvent> | Iterable<FileEvent> =
    workers > 1 ? convertInWorkers(jobs, workers, { facts: persons.editionNameFacts() }, (job) => learntAlone(job, persons)) : convertHere(jobs, persons);
  const pending = new PendingDocuments(outDir);
  /** The documents of each file that converted, in order, waiting for their person ids. */
  const waiting: Array<{ dir: string; source: string; converted: ConvertedFile; documents: Array<{ target: string; place: PendingPlace }> }> = [];
  const mentions = new MentionStore();

  // The file being written: its folder is chosen at its first document.
  let file: { path: string; name: string; source: string; folder?: string; dir?: string; schemaHref?: string; numbered?: Diagnostic; written: string[]; documents: number; waiting: Array<{ target: string; place: PendingPlace }> } | undefined;
  let index = 0;
  try {
    for await (const event of events) {
      const path = paths[event.index]!;
      const name = givenPaths[event.index]!;
      if (!file) file = { path, name, source: sourceOf(path), written: [], documents: 0, waiting: [] };
      if (event.kind === 'document') {
        const doc = event.doc;
        mentions.add({ document: `${doc.sourceSlug}/${doc.id}`, source: file.source, mentions: event.mentions });
        if (file.folder === undefined) {
          const assigned = folders.assign({ source: file.source, slug: doc.sourceSlug });
          file.folder = assigned.folder;
          if (assigned.numbered) {
            file.numbered = diagnostic(
              EditionCodes.folderNumbered,
              { path: name, folder: assigned.slug, takenBy: assigned.takenBy, assigned: file.folder },
              { file: name, line: 1, column: 1 },
            );
          }
          file.dir = join(outDir, file.folder);
          file.schemaHref = relative(file.dir, packageFile('schema/chancery.rng')).split(sep).join('/');
        }
        doc.sourceSlug = file.folder;
        const target = join(file.dir!, `${doc.id}.xml`);
        file.waiting.push({ target, place: pending.put(serializeTei(doc, { generatedOn: options.generatedOn, schemaHref: file.schemaHref })) });
        file.written.push(target);
        file.documents++;
        if (file.documents % 16 === 0) await breathe();
        continue;
      }
      if (event.kind === 'failed' && !event.outOfMemory) {
        // A bug: one thread would have stopped here, and so does the run.
        throw ConvertError.of(ConvertCodes.conversionFailed, { path: name, detail: event.message.split('\n')[0]! });
      }
      let converted: ConvertedFile;
      if (event.kind === 'unreadable' || event.kind === 'failed') {
        // Out of memory in a worker: that file alone is lost (its documents written so far stay), the others go on.
        const error: Diagnostic =
          event.kind === 'unreadable'
            ? event.diagnostic
            : diagnostic(ConvertCodes.conversionFailed, { path: name, detail: event.message }, { file: name, line: 1, column: 1 });
        diagnostics.push(error);
        converted = { file: name, documents: file.documents, written: file.written, bytes: 0, error };
      } else {
        for (const d of event.diagnostics) diagnostics.push(d);
        if (file.numbered) diagnostics.push(file.numbered);
        converted = { file: name, encoding: event.encoding, ...(file.folder !== undefined ? { folder: file.folder } : {}), documents: file.documents, written: file.written, bytes: event.bytes };
        done += event.bytes;
      }
      files.push(converted);
      if (file.dir) waiting.push({ dir: file.dir, source: file.source, converted, documents: file.waiting });
      file = undefined;
      index++;
      options.onFile?.(name, done, total);
      await breathe();
    }
    // The link step: every mention of the edition at once, then each document written with its ids in place.
    // A document that cannot be written is a finding of its source; the others, and the other sources, go on.
    const ids = persons.link(mentions);
    let n = 0;
    for (const w of waiting) {
      const generated = new Set<string>();
      const failed: Array<{ target: string; error: unknown }> = [];
      const present = filesIn(w.dir);
      for (const d of w.documents) {
        const xml = markGeneratedBytes(fillPersonRefsInBytes(pending.get(d.place), ids[n++]!), { source: w.source });
        try {
          const outcome = writeGenerated(d.target, xml, options.force === true, present);
          if (outcome === 'kept-edited' || outcome === 'kept-unmarked') {
            kept.push({ path: d.target, reason: outcome === 'kept-edited' ? 'edited' : 'unmarked', stale: false });
          }
        } catch (e) {
          failed.push({ target: d.target, error: e });
        }
        generated.add(d.target);
        if (generated.size % 64 === 0) await breathe();
      }
      if (failed.length > 0) {
        const first = failed[0]!;
        const unwritten = new Set(failed.map((f) => f.target));
        w.converted.written = w.converted.written.filter((t) => !unwritten.has(t));
        w.converted.notWritten = failedTo(first.target, first.error, failed.length > 1 ? { more: failed.length - 1, source: w.converted.file } : {});
        // nothing is removed beside documents that could not be written: the old ones are all the folder has
        continue;
      }
      removeStale(w.dir, generated, w.source, kept, removed, failedTo);
    }
  } finally {
    pending.close();
  }
  if (options.complete) {
    const inputs = new Set(paths.map(sourceOf));
    const legacyInputs = new Set(paths.map((p) => `legacy:${basename(p)}`));
    for (const [folder, owner] of owners) {
      if (owner === null || inputs.has(owner) || legacyInputs.has(owner)) continue;
      const dir = join(outDir, folder);
      removeStale(dir, new Set(), owner, kept, removed, failedTo);
      try {
        rmdirSync(dir); // only when empty: what an editor kept stays with its folder
      } catch {
        // not empty
      }
    }
  }
  // a run that converted nothing (every input unreadable) leaves the personography as it was
  const converted = files.some((f) => f.documents > 0);
  const personography = writePersonography(personsPath, previous, persons, options.force === true, converted, failedTo);
  personography.file = shown(personography.file);
  if (personography.edited) {
    diagnostics.push(
      diagnostic(EditionCodes.personographyEdited, { added: personography.added, personsFile: options.personsFile ?? 'sources/persons.json' }, { file: personography.file, line: 1, column: 1 }),
    );
  }
  for (const f of files) f.written = f.written.map(shown);
  for (const k of kept) {
    k.path = shown(k.path);
    diagnostics.push(diagnostic(k.reason === 'edited' ? EditionCodes.keptEdited : EditionCodes.keptUnmarked, { stale: k.stale === true }, { file: k.path, line: 1, column: 1 }));
  }
  const removedShown = removed.map(shown);
  for (const r of removedShown) diagnostics.push(diagnostic(EditionCodes.removed, {}, { file: r, line: 1, column: 1 }));
  for (const d of writeFailures) diagnostics.push(d);
  return { files, persons: personography, diagnostics, kept, removed: removedShown, writeFailures };
}

/**
 * The personography first reads every input, so that what one source establishes about a name counts in all,
 * whatever their order. A function of its own so that the last source's lines go with its frame: left in a
 * register of convertFiles they stayed alive through the whole conversion (a second copy of a source of a
 * million lines).
 */
function learnNames(paths: readonly string[], persons: PersonRegistry, maxBytes: number | undefined): void {
  for (const path of paths) {
    try {
      persons.learnSource(decodeSource(readInput(path, maxBytes), basename(path), path).source.lines);
    } catch (e) {
      if (!(e instanceof InputError)) throw e; // reported by the conversion below
    }
  }
}

/**
 * What learning read of a source alone ({@link PersonRegistry.takeSourceKnowledge}), handed over once, or undefined
 * where it was not kept (past the registry's bound) or the source cannot be read. The registry finds it by the
 * source's lines, read again here as {@link learnNames} read them: a read and a hash, some 10 ms a MB.
 */
function learntAlone(job: ConvertJob, persons: PersonRegistry): ConvertRequest['knowledge'] {
  try {
    return persons.takeSourceKnowledge(decodeSource(readInput(job.path, job.maxBytes), job.fileName, job.path).source.lines);
  } catch (e) {
    if (!(e instanceof InputError)) throw e; // reported by the worker that converts it
    return undefined;
  }
}

/**
 * Writes the personography: regenerated when Chancery wrote it as it stands (or with force), else — an editor
 * changed it — the editor's file with only the new persons added.
 */
function writePersonography(
  path: string,
  previous: PersonographyFile | undefined,
  persons: PersonRegistry,
  force: boolean,
  write: boolean,
  failedTo: (file: string, e: unknown) => void,
): PersonographyOutcome {
  let notWritten = false;
  const entries = persons.entries();
  const edited = previous !== undefined && previous.state.kind !== 'unedited' && !force;
  const known = new Set(previous?.persons.map((p) => p.id));
  const added = entries.filter((e) => !known.has(e.id));
  const xml = edited ? addToEditedPersonography(previous.text, added) : personographyXml(entries);
  const tryWrite = (file: string, content: string): void => {
    try {
      writeFileAtomic(file, content);
    } catch (e) {
      if (file === path) notWritten = true;
      failedTo(file, e);
    }
  };
  if (write && xml !== previous?.text) tryWrite(path, xml);
  if (write) tryWrite(join(dirname(path), PERSON_REVIEW), personReviewJson(persons.review()));
  return {
    file: path,
    count: edited ? known.size + added.length : entries.length,
    withoutAuthority: persons.correspondentsWithoutAuthority().map((p) => p.id),
    edited,
    added: added.length,
    ...(notWritten ? { notWritten } : {}),
  };
}

type WriteOutcome = 'written' | 'unchanged' | 'kept-edited' | 'kept-unmarked';

/**
 * Writes a generated file unless the file there is not Chancery's to replace. `present` holds the names (in lower
 * case) of what its folder held before the run wrote there: a name not among them is not read first (a first run
 * into an empty folder read thousands of files that were not there, each failing with an error).
 */
function writeGenerated(target: string, xml: Uint8Array, force: boolean, present: ReadonlySet<string>): WriteOutcome {
  let current: Buffer | undefined;
  if (present.has(basename(target).toLowerCase())) {
    try {
      current = readFileSync(target);
    } catch {
      current = undefined;
    }
  }
  if (current !== undefined) {
    if (current.equals(xml)) return 'unchanged';
    const state = generatedState(current.toString('utf8'));
    if (state.kind !== 'unedited' && !force) return state.kind === 'edited' ? 'kept-edited' : 'kept-unmarked';
  }
  writeFileAtomic(target, xml);
  return 'written';
}

/**
 * The names in a folder, in lower case (a file system that ignores case finds `000.XML` at `000.xml`); none when
 * there is no folder to read.
 */
function filesIn(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir).map((name) => name.toLowerCase()));
  } catch {
    return new Set();
  }
}

/**
 * A re-run that yields fewer documents must not leave the old extra files behind, but only files this source
 * generated and nobody edited are removed; edited ones are kept and listed; files without a mark are not ours.
 */
function removeStale(
  dir: string,
  current: ReadonlySet<string>,
  source: string,
  kept: KeptFile[],
  removed: string[],
  failedTo: (file: string, e: unknown, how: { remove: true }) => void,
): void {
  for (const path of xmlFilesIn(dir)) {
    if (current.has(path)) continue;
    try {
      const state = generatedState(readFileSync(path, 'utf8'));
      const ours = state.kind !== 'unmarked' && state.fields.source === source;
      if (!ours) continue;
      if (state.kind === 'unedited') {
        // unlink, not rm: rm answers a refusal with the error of its attempt to remove a folder (ENOTDIR)
        unlinkSync(path);
        removed.push(path);
      } else kept.push({ path, reason: 'edited', stale: true });
    } catch (e) {
      // a folder that happens to be named *.xml was never ours to remove
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') failedTo(path, e, { remove: true });
    }
  }
}

/**
 * The same events as the workers give, from this thread: each file read and converted in turn, its documents
 * tagged with a recorder as a worker's are.
 */
function* convertHere(jobs: readonly ConvertJob[], registry: PersonRegistry): Generator<FileEvent> {
  // What each source teaches read alone was read with the edition's knowledge: the registry hands it over.
  const persons = new MentionRecorder(registry.editionNameFacts(), (lines) => registry.takeSourceKnowledge(lines));
  for (const [index, job] of jobs.entries()) {
    let bytes = 0;
    let stream: ReturnType<typeof convertDocuments>;
    try {
      // The file's bytes are let go once decoded: only their count is kept.
      const input = readInput(job.path, job.maxBytes, job.shownPath);
      bytes = input.length;
      stream = convertDocuments(input, {
        fileName: job.fileName,
        sourcePath: job.shownPath ?? job.path,
        persons,
        parking: () => new ParkedDocuments(job.parkIn),
        ...(job.generatedOn ? { generatedOn: job.generatedOn } : {}),
      });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield { index, kind: 'unreadable', diagnostic: e.toDiagnostic() };
      continue;
    }
    for (const doc of stream.documents) yield { index, kind: 'document', doc, mentions: persons.take(doc) };
    yield { index, kind: 'done', encoding: stream.encoding as SourceText['encoding'], diagnostics: stream.diagnostics, bytes };
  }
}

function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
