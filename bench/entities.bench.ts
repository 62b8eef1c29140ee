/**
 * Entities bench: on the gold-annotated texts (../shared/gold-dev, or CHANCERY_GOLD), the scores of the route a
 * user would try first — compromise's `people()` for persons, plain chrono-node (`chrono.parse`) for dates —
 * beside Chancery's rules, scored as ../shared/tools/score.py scores them (persons by surname key, dates by
 * value and by their digits and month names); then the throughput of the entity pass (MB/s of document text).
 *
 * Every route reads the same text: the documents as the conversion pipeline segments them, before the entity
 * pass, so only the entity rules differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { Block, Inline, SourceText, TeiDocument } from '../src/model/document.js';
import { decodeSource } from '../src/convert/readers/decode.js';
import { pipelineUpTo, runPipeline } from '../src/convert/pipeline.js';
import { createContext } from '../src/convert/pass.js';
import { PersonRegistry, type DocumentMentions } from '../src/convert/entities/personography.js';
import { fillPersonRefs, MentionRecorder } from '../src/convert/entities/person-mentions.js';
import { sourceKnowledge, tagDocument } from '../src/convert/entities/tag-document.js';
import { inlineText } from '../src/convert/entities/inline-view.js';

const GOLD = process.env['CHANCERY_GOLD'] ?? join('..', 'shared', 'gold-dev');
const SOURCES = process.env['CHANCERY_SOURCES'] ?? 'sources';

interface GoldMention {
  text?: string;
  key?: string;
  when?: string;
  from?: string;
  to?: string;
  notBefore?: string;
  notAfter?: string;
  in_title?: boolean;
}

/** The scorer's rules, so that the figures here are the figures of score.py. */
const TITLE_WORDS = new Set(['mr', 'mrs', 'miss', 'm', 'sir', 'lord', 'lady', 'marshal', 'general', 'generalissimo', 'president',
  'premier', 'prime', 'minister', 'dr', 'admiral', 'ambassador', 'herr', 'monsieur', 'mme', 'the']);
const MONTH_WORDS: Record<string, string> = {};
for (const m of ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']) {
  MONTH_WORDS[m] = m.slice(0, 3);
  MONTH_WORDS[m.slice(0, 3)] = m.slice(0, 3);
}
Object.assign(MONTH_WORDS, { sept: 'sep', janvier: 'jan', février: 'feb', mars: 'mar', avril: 'apr', mai: 'may', juin: 'jun', juillet: 'jul',
  août: 'aug', septembre: 'sep', octobre: 'oct', novembre: 'nov', décembre: 'dec' });

function nameKey(s: string): string {
  let t = s.toLowerCase().replace(/['’]s\b/gu, '').replace(/[[\]]/g, '').trim().replace(/,?\s+(jr|sr)\.?$/, '');
  t = t.normalize('NFC');
  const words = t.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const named = words.filter((w) => !TITLE_WORDS.has(w) && w.length > 1);
  return (named.length ? named : words.length ? words : [''])[(named.length ? named : words).length - 1] ?? '';
}

function dateTextKey(s: string): string {
  const out: string[] = [];
  for (const t of s.toLowerCase().match(/\d+|[\p{L}]+/gu) ?? []) {
    if (/^\d+$/.test(t)) out.push(String(Number(t)));
    else if (MONTH_WORDS[t]) out.push(MONTH_WORDS[t]!);
  }
  return out.join(' ');
}

function dateValue(a: GoldMention): string {
  if (a.when) return a.when;
  if (a.from || a.to) return `${a.from ?? ''}/${a.to ?? ''}`;
  if (a.notBefore || a.notAfter) return `${a.notBefore ?? ''}/${a.notAfter ?? ''}`;
  return '';
}

class Prf {
  tp = 0;
  fp = 0;
  fn = 0;
  add(gold: string[], system: string[]): void {
    const g = new Map<string, number>();
    for (const x of gold) g.set(x, (g.get(x) ?? 0) + 1);
    let tp = 0;
    for (const x of system) {
      const n = g.get(x) ?? 0;
      if (n > 0) {
        tp++;
        g.set(x, n - 1);
      }
    }
    this.tp += tp;
    this.fp += system.length - tp;
    this.fn += gold.length - tp;
  }
  f1(): string {
    const p = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 0;
    const r = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 0;
    return (p + r ? (2 * p * r) / (p + r) : 0).toFixed(3);
  }
}

/** What one route says about one document's text. */
interface Route {
  name: string;
  persons: (doc: TeiDocument, text: string) => string[];
  dates: (doc: TeiDocument, text: string) => Array<{ text: string; value: string }>;
}

function entityList(inlines: Inline[], tag: string, out: Array<{ text: string; attrs: Record<string, string> }> = []): typeof out {
  for (const i of inlines) {
    if (i.type === 'entity' && i.tag === tag) out.push({ text: inlineText(i.children), attrs: i.attrs });
    if (i.type === 'hi' || i.type === 'entity') entityList(i.children, tag, out);
    if (i.type === 'note') for (const p of i.parts) entityList(p.inlines, tag, out);
    if (i.type === 'interruption') for (const b of i.blocks) entityList(b.inlines, tag, out);
  }
  return out;
}

function docText(doc: TeiDocument): string {
  return doc.blocks.map((b: Block) => inlineText(b.inlines)).join('\n\n');
}

/** Documents of a source as the pipeline leaves them before the entity pass. */
function segmented(file: string): TeiDocument[] {
  const { source } = decodeSource(readFileSync(join(SOURCES, file)), file) as { source: SourceText };
  const persons = new PersonRegistry();
  const ctx = createContext(source, { fileName: file, persons }, persons, () => {});
  return runPipeline(source, ctx, pipelineUpTo('volume'));
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const compromiseRoute: Route = {
  name: 'compromise people() + chrono.parse',
  persons: (_doc, text) => (nlp(text).people().out('array') as string[]).map(nameKey),
  dates: (doc, text) => {
    const ref = doc.date?.when ? new Date(`${doc.date.when.slice(0, 10)}T12:00:00Z`) : undefined;
    return chrono.parse(text, ref).map((r) => {
      const start = isoOf(r.start.date());
      return { text: r.text, value: r.end ? `${start}/${isoOf(r.end.date())}` : start };
    });
  },
};

function oursRoute(tagged: Map<TeiDocument, TeiDocument>): Route {
  const all = (doc: TeiDocument, tag: string) => tagged.get(doc)!.blocks.flatMap((b) => entityList(b.inlines, tag));
  return {
    name: 'Chancery (chrono-node + refiners, person rules)',
    persons: (doc) => all(doc, 'persName').map((e) => nameKey(e.text)),
    dates: (doc) => all(doc, 'date').map((e) => ({ text: e.text, value: dateValue(e.attrs) })),
  };
}

/** The gold documents as (gold mentions, system documents) pairs. */
function goldPairs(docsBySource: Map<string, TeiDocument[]>): Array<{ persons: GoldMention[]; dates: GoldMention[]; docs: TeiDocument[] }> {
  const pairs: Array<{ persons: GoldMention[]; dates: GoldMention[]; docs: TeiDocument[] }> = [];
  const docsPath = join(GOLD, 'seed004_documents.json');
  const mentionsPath = join(GOLD, 'seed004_mentions.json');
  if (existsSync(docsPath) && existsSync(mentionsPath)) {
    const gdocs = JSON.parse(readFileSync(docsPath, 'utf8')) as Array<{ i: number; start_line: number }>;
    const mentions = JSON.parse(readFileSync(mentionsPath, 'utf8')) as Array<{ i: number; persons: GoldMention[]; dates: GoldMention[] }>;
    const sys = docsBySource.get('004_a850671e6f376447.txt') ?? [];
    for (const m of mentions) {
      const g = gdocs.find((x) => x.i === m.i);
      const hit = g ? sys.filter((d) => d.startLine <= g.start_line && g.start_line <= d.endLine) : [];
      pairs.push({ persons: m.persons, dates: m.dates, docs: hit.slice(0, 1) });
    }
  }
  for (const seed of ['000', '001', '002', '003']) {
    const p = join(GOLD, `seed${seed}_gold.json`);
    if (!existsSync(p)) continue;
    const g = JSON.parse(readFileSync(p, 'utf8')) as { source: string; documents: Array<{ persons?: GoldMention[]; dates?: GoldMention[] }> };
    for (const gd of g.documents) pairs.push({ persons: gd.persons ?? [], dates: gd.dates ?? [], docs: docsBySource.get(g.source) ?? [] });
  }
  return pairs;
}

export async function run(): Promise<void> {
  if (!existsSync(GOLD)) {
    console.log(`no gold annotations at ${GOLD} (set CHANCERY_GOLD): skipped`);
    return;
  }
  const files = ['000_6de9fcebdd01302c.txt', '001_58888229c10c191a.txt', '002_a68127929a5a2086.txt', '003_861624618a2cfeeb.txt', '004_a850671e6f376447.txt']
    .filter((f) => existsSync(join(SOURCES, f)));
  const docsBySource = new Map<string, TeiDocument[]>();
  for (const f of files) docsBySource.set(f, segmented(f));

  // Our route: the entity pass on copies, so that the untagged documents stay for the other route.
  const registry = new PersonRegistry();
  const tagged = new Map<TeiDocument, TeiDocument>();
  for (const docs of docsBySource.values()) {
    let fallbackReference: string | undefined;
    for (const d of docs) {
      const copy = structuredClone(d);
      fallbackReference = tagDocument(copy, registry, { fallbackReference }).reference ?? fallbackReference;
      tagged.set(d, copy);
    }
  }

  const pairs = goldPairs(docsBySource);
  console.log(`gold: ${pairs.length} annotated documents, ${pairs.reduce((n, p) => n + p.persons.length, 0)} persons, ${pairs.reduce((n, p) => n + p.dates.length, 0)} dates`);
  console.log(`${'route'.padEnd(50)} persons  dates_found  dates_value`);
  for (const route of [compromiseRoute, oursRoute(tagged)]) {
    const persons = new Prf();
    const found = new Prf();
    const value = new Prf();
    for (const p of pairs) {
      const gp = p.persons.filter((m) => !m.in_title);
      const gd = p.dates.filter((m) => !m.in_title);
      const sp = p.docs.flatMap((d) => route.persons(d, docText(d)));
      const sd = p.docs.flatMap((d) => route.dates(d, docText(d)));
      persons.add(gp.map((m) => nameKey(m.key ?? m.text ?? '')), sp);
      found.add(gd.map((m) => dateTextKey(m.text ?? '')), sd.map((d) => dateTextKey(d.text)));
      value.add(gd.map(dateValue), sd.map((d) => d.value));
    }
    console.log(`${route.name.padEnd(50)} ${persons.f1().padStart(7)}  ${found.f1().padStart(11)}  ${value.f1().padStart(11)}`);
  }

  // Throughput: the entity pass alone, on fresh copies of every document of the five sources.
  const all = [...docsBySource.values()].flat();
  const bytes = all.reduce((n, d) => n + Buffer.byteLength(docText(d)), 0);
  const rounds = 3;
  const copies = Array.from({ length: rounds }, () => all.map((d) => structuredClone(d)));
  // What each source establishes about names (surnames, common words, places) is read once per source before its
  // documents are tagged, as the entity pass does on its first document: timed apart.
  const sourceBytes = files.reduce((n, f) => n + Buffer.byteLength(readFileSync(join(SOURCES, f), 'utf8')), 0);
  const k0 = performance.now();
  const known = new Map(files.map((f) => [f, sourceKnowledge(readFileSync(join(SOURCES, f), 'utf8').split(/\r?\n/))]));
  const knowledgeSeconds = (performance.now() - k0) / 1000;
  // As convert does: tagging writes mentions down (a recorder), and the link step decides the persons of all of
  // them once every document is tagged; timed apart (CPU of this process, the machine being shared).
  let tagCpu = 0;
  let linkCpu = 0;
  let mentions = 0;
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t0 = performance.now();
  for (const round of copies) {
    const r = new PersonRegistry();
    const recorder = new MentionRecorder(r.editionNameFacts());
    const recorded: DocumentMentions[] = [];
    let fallbackReference: string | undefined;
    const c0 = cpu();
    for (const d of round) {
      fallbackReference = tagDocument(d, recorder, { fallbackReference, source: known.get(d.sourceFile) }).reference ?? fallbackReference;
      recorded.push({ document: `${d.sourceSlug}/${d.id}`, source: d.sourceFile, mentions: recorder.take(d) });
    }
    const c1 = cpu();
    r.link(recorded).forEach((ids, i) => fillPersonRefs(round[i]!, ids));
    linkCpu += cpu() - c1;
    tagCpu += c1 - c0;
    mentions += recorded.reduce((n, d) => n + d.mentions.length, 0);
  }
  const seconds = (performance.now() - t0) / 1000;
  const mb = (bytes * rounds) / 1048576;
  console.log(`entity pass: ${all.length} documents, ${(bytes / 1024).toFixed(0)} KB of text × ${rounds}: ${(mb / seconds).toFixed(2)} MB/s wall; CPU: tagging ${(mb / tagCpu).toFixed(2)} MB/s, link step ${(linkCpu * 1000 / rounds).toFixed(0)} ms for ${mentions / rounds} mentions (${(mb / (tagCpu + linkCpu)).toFixed(2)} MB/s together)`);
  console.log(`names a source establishes (read once per source): ${(sourceBytes / 1024).toFixed(0)} KB in ${knowledgeSeconds.toFixed(2)} s: ${(sourceBytes / 1048576 / knowledgeSeconds).toFixed(2)} MB/s`);
}
