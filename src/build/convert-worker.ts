/**
 * A conversion worker thread: converts the files the main thread sends, one at a time, and sends each
 * document back as soon as it is finished, with the person mentions it holds, for the main thread to resolve
 * in file order (see src/convert/entities/person-mentions.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import { convertDocuments, MentionRecorder, NameKnowledge, type EditionNameFacts, type RecordedMention } from '../convert/index.js';
import { readInput } from './read-input.js';
import { ParkedDocuments } from './parked-documents.js';

/** What a worker is started with. */
export interface WorkerSetup {
  facts: EditionNameFacts;
}

/** Main thread → worker: one file to convert. */
export interface ConvertRequest {
  index: number;
  /** Where the file is read (absolute when the caller gave a cwd). */
  path: string;
  /** The file as findings name it, as the caller gave it; `path` without it. */
  shownPath?: string;
  fileName: string;
  maxBytes?: number;
  generatedOn?: string;
  /** The folder where documents that must wait in the middle of the pipeline are kept (the edition's). */
  parkIn: string;
  /**
   * What the source teaches about names read alone, as the thread that learnt the edition read it
   * (PersonRegistry.takeSourceKnowledge): the worker does not read the source's names a second time. Without it,
   * the entity pass reads them.
   */
  knowledge?: EditionNameFacts['knowledge'];
}

/** Worker → main thread, for the file of `index`: its documents one by one, then how it ended. */
export type ConvertReply =
  | { index: number; kind: 'document'; doc: TeiDocument; mentions: RecordedMention[] }
  | { index: number; kind: 'done'; encoding: SourceText['encoding']; diagnostics: Diagnostic[]; bytes: number }
  | { index: number; kind: 'unreadable'; diagnostic: Diagnostic }
  | { index: number; kind: 'failed'; message: string; outOfMemory?: boolean };

const port = parentPort;
const setup = workerData as WorkerSetup;
/** What the file being converted teaches read alone, when its request brought it; handed to its entity pass once. */
let sourceKnowledge: NameKnowledge | undefined;
// One for all the files this worker converts: the edition's knowledge is copied in once, not per file.
const persons = new MentionRecorder(setup.facts, () => {
  const given = sourceKnowledge;
  sourceKnowledge = undefined;
  return given;
});

function convertOne(req: ConvertRequest): void {
  const send = (reply: ConvertReply): void => port!.postMessage(reply);
  // a copy made a NameKnowledge again (structured cloning keeps the sets, not the class)
  sourceKnowledge = req.knowledge ? new NameKnowledge().add(req.knowledge as NameKnowledge) : undefined;
  try {
    let bytes = 0;
    const stream = (() => {
      // The file's bytes are let go once decoded: only their count is kept.
      const input = readInput(req.path, req.maxBytes, req.shownPath);
      bytes = input.length;
      return convertDocuments(input, {
        fileName: req.fileName,
        sourcePath: req.shownPath ?? req.path,
        persons,
        parking: () => new ParkedDocuments(req.parkIn),
        ...(req.generatedOn ? { generatedOn: req.generatedOn } : {}),
      });
    })();
    for (const doc of stream.documents) send({ index: req.index, kind: 'document', doc, mentions: persons.take(doc) });
    send({ index: req.index, kind: 'done', encoding: stream.encoding, diagnostics: stream.diagnostics, bytes });
  } catch (e) {
    if (e instanceof InputError) send({ index: req.index, kind: 'unreadable', diagnostic: e.toDiagnostic() });
    else send({ index: req.index, kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

port?.on('message', (req: ConvertRequest) => convertOne(req));
