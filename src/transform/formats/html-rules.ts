/**
 * TEI element → HTML rule, for the reading text of a document page. This table is the place to review
 * (or change) how the edition looks; the engine is `walker.ts`, the page around it `html.ts`.
 *
 * Two things the rules must keep true: the output nests validly (inside a paragraph only phrasing content,
 * so block-like TEI inside a `<p>` becomes a `<span class="… block">`), and debris (fw, marginalia,
 * duplicate OCR passes) carries the class `dipl`, which hides it unless the diplomatic view is on.
 */
import type { EditionDocument, PersonRecord } from '../edition.js';
import { personIdOf as personId } from '../../edition/personography.js';
import { escapeMarkup, formatIso } from '../format.js';
import { isNoteLabel, numberInText, WORD_BREAK } from '../reading.js';
import type { TeiElement } from '../tei-tree.js';
import type { RuleTable } from '../walker.js';
import { Walker } from '../walker.js';

/** A footnote collected while rendering, written at the foot of the page. */
export interface CollectedNote {
  number: number;
  /** The marker printed in the source (`@n`), when it differs from our running number. */
  printed?: string;
  html: string;
}

/** Per-document state of the HTML rules. */
export interface HtmlContext {
  doc: EditionDocument;
  persons: Map<string, PersonRecord>;
  /** Relative path from the page to the site root (`../`). */
  root: string;
  /** Inside phrasing content (a paragraph, a heading, a footnote pop-up): no block elements allowed. */
  phrasing: boolean;
  /** Depth of `div` nesting, for heading levels. */
  depth: number;
  notes: CollectedNote[];
  /** Set while a note is rendered for its pop-up: its nested notes are not collected twice. */
  inPopup: boolean;
  /** The document's xml:ids: a pointer to anything else is not made a link. */
  ids: ReadonlySet<string>;
  /** Paragraphs of the reading text so far: each gets the anchor `#p<n>` for citation. */
  paragraphs: number;
  /**
   * Blocks printed inside a sentence (an address at a page foot, an unnumbered acknowledgement): shown
   * after the paragraph they interrupt, so that the sentence reads through.
   */
  deferred: string[];
  /**
   * For containers read as they stream (their children let go as they were rendered): whether each holds a `head`
   * of its own, known beforehand. Others are asked through their children.
   */
  headed?: ReadonlyMap<TeiElement, boolean>;
}

/** `id`/`lang` attributes carried over from TEI (`xml:id` prefixed so that it cannot clash with ours). */
function common(el: TeiElement, cls: string): string {
  let a = ` class="${cls}"`;
  const id = el.attrs['xml:id'];
  if (id) a += ` id="t-${escapeMarkup(id)}"`;
  const lang = el.attrs['xml:lang'];
  if (lang) a += ` lang="${escapeMarkup(lang)}"`;
  return a;
}

/** Renders children in phrasing mode (and restores the mode afterwards). */
function phrasing(ctx: HtmlContext, inner: () => string): string {
  const was = ctx.phrasing;
  ctx.phrasing = true;
  try {
    return inner();
  } finally {
    ctx.phrasing = was;
  }
}

/** A block: `<tag class>` in flow content, `<span class="… block">` inside phrasing content. */
function block(tag: string, cls: string, childrenArePhrasing = false) {
  return (el: TeiElement, ctx: HtmlContext, inner: () => string): string => {
    if (ctx.phrasing) return `<span${common(el, `${cls} block`)}>${inner()}</span>`;
    const body = childrenArePhrasing ? phrasing(ctx, inner) : inner();
    return `<${tag}${common(el, cls)}>${body}</${tag}>`;
  };
}

/** An inline wrapper with a class. */
function span(cls: string) {
  return (el: TeiElement, _ctx: HtmlContext, inner: () => string): string => `<span${common(el, cls)}>${inner()}</span>`;
}

/** Debris: hidden from the reading text, shown in the diplomatic view, with a label saying what it is. */
function debris(label: string, cls: string) {
  return (el: TeiElement, ctx: HtmlContext, inner: () => string): string => {
    const tag = ctx.phrasing ? 'span' : 'div';
    let note = label;
    const corresp = el.attrs.corresp;
    if (corresp?.startsWith('#') && ctx.ids.has(corresp.slice(1))) note += ` of <a href="#t-${escapeMarkup(corresp.slice(1))}">the passage above</a>`;
    return `<${tag}${common(el, `dipl ${cls}`)}><span class="dipl-label">${note}:</span> ${phrasing(ctx, inner)}</${tag}>`;
  };
}

function heading(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  const parent = el.parent?.name;
  if (ctx.phrasing || (parent !== 'body' && parent !== 'div' && parent !== 'front' && parent !== 'back')) {
    return `<span${common(el, 'head block')}>${phrasing(ctx, inner)}</span>`;
  }
  // h1 is the page title; the printed heading of the body is h2, and section heads go one deeper only
  // when there is such a heading above them, so that no level is skipped
  const level = parent === 'div' ? Math.min(6, 1 + ctx.depth + (bodyHasHead(el, ctx) ? 1 : 0)) : 2;
  return `<h${level}${common(el, 'head')}>${phrasing(ctx, inner)}</h${level}>`;
}

function bodyHasHead(el: TeiElement, ctx: HtmlContext): boolean {
  let body = el.parent;
  while (body && body.name !== 'body' && body.name !== 'front' && body.name !== 'back') body = body.parent;
  if (!body) return false;
  return ctx.headed?.get(body) ?? body.children.some((c) => c.type === 'element' && c.name === 'head');
}

/**
 * A block the source prints inside running text: in phrasing content it waits until the paragraph ends
 * (the sentence it interrupts reads through); elsewhere it stands where it is.
 */
function outOfLine(tag: string, cls: string) {
  const render = block(tag, cls, true);
  return (el: TeiElement, ctx: HtmlContext, inner: () => string): string => {
    if (!ctx.phrasing || ctx.inPopup || !insideParagraph(el)) return render(el, ctx, inner);
    const was = ctx.phrasing;
    ctx.phrasing = false;
    try {
      ctx.deferred.push(render(el, ctx, inner));
    } finally {
      ctx.phrasing = was;
    }
    return '';
  };
}

function insideParagraph(el: TeiElement): boolean {
  for (let a = el.parent; a; a = a.parent) {
    if (a.name === 'p' || a.name === 'ab') return true;
    if (a.name === 'note') return false;
  }
  return false;
}

const unnumberedNote = outOfLine('aside', 'note-unnumbered');

function footnote(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  if (el.attrs.type === 'unnumbered' || ctx.inPopup) {
    // an acknowledgement printed at a page foot: it refers to no place in the text
    return unnumberedNote(el, ctx, inner);
  }
  const number = ctx.notes.length + 1;
  const printed = el.attrs.n;
  const entry: CollectedNote = { number, html: '' };
  if (printed && printed !== String(number)) entry.printed = printed;
  ctx.notes.push(entry);
  const wasPhrasing = ctx.phrasing;
  ctx.phrasing = false;
  entry.html = inner();
  ctx.phrasing = true;
  ctx.inPopup = true;
  // the pop-up repeats the note: its copies of TEI ids would clash with the note at the foot
  const popup = inner().replace(/ id="t-[^"]*"/g, '');
  ctx.inPopup = false;
  ctx.phrasing = wasPhrasing;
  const ref =
    `<sup class="fn"><a class="fnref" id="fnref-${number}" href="#fn-${number}" aria-describedby="fnpop-${number}">` +
    `<span class="visually-hidden">Note </span>${number}</a>` +
    `<span class="fn-pop" id="fnpop-${number}" role="tooltip">${popup}</span></sup>`;
  return ref;
}

function persName(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  const id = personId(el.attrs.ref);
  const body = phrasing(ctx, inner);
  const person = id ? ctx.persons.get(id) : undefined;
  if (person) return `<a class="persName" href="${ctx.root}persons/${person.page}.html">${body}</a>`;
  return `<span class="persName">${body}</span>`;
}

function date(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  const iso = el.attrs.when ?? (el.attrs.to ? undefined : el.attrs.from);
  const body = phrasing(ctx, inner);
  if (iso && /^-?\d{4}(-\d{2}(-\d{2})?)?$/.test(iso)) {
    return `<time datetime="${escapeMarkup(iso)}" title="${escapeMarkup(formatIso(iso))}">${body}</time>`;
  }
  return `<span class="date">${body}</span>`;
}

function paragraph(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  // `<p/>` stands where a message has no text (TEI requires a paragraph): nothing to show
  if (el.children.length === 0) return '';
  const n = el.attrs.n && !numberInText(el) ? `<span class="pnum">${escapeMarkup(el.attrs.n)}.</span> ` : '';
  if (ctx.phrasing) return `<span${common(el, 'p block')}>${n}${inner()}</span>`;
  if (ctx.inPopup || isInNote(el)) return `<p${common(el, 'p')}>${n}${phrasing(ctx, inner)}</p>`;
  // a citable anchor per paragraph of the reading text (`#p3`), with a link to it for copying
  const number = ++ctx.paragraphs;
  const outer = ctx.deferred;
  ctx.deferred = [];
  const body = phrasing(ctx, inner);
  const after = ctx.deferred.join('');
  ctx.deferred = outer;
  return (
    `<p${common(el, 'p')} data-para="${number}"><a class="para-anchor" id="p${number}" href="#p${number}" aria-label="Paragraph ${number}: link">¶</a>` +
    `${n}${body}</p>${after}`
  );
}

function isInNote(el: TeiElement): boolean {
  for (let a = el.parent; a; a = a.parent) if (a.name === 'note') return true;
  return false;
}

/**
 * A typewriter's or printer's line end inside running text is a space in the reading view (the column
 * would be ragged otherwise) and a line break in the diplomatic view; elsewhere (address lines, a
 * signature) it is a line break.
 */
function lineBreak(el: TeiElement): string {
  for (let a = el.parent; a; a = a.parent) {
    if (a.name === 'p' || a.name === 'ab') return ' <br class="dipl lb">';
    if (a.name === 'l' || a.name === 'addrLine' || a.name === 'note' || a.name === 'div' || a.name === 'body') break;
  }
  return '<br>';
}

/** The tags of a division in flow content. */
function divisionTags(el: TeiElement): readonly [string, string] {
  return [`<section${common(el, `div${el.attrs.type ? ` div-${escapeMarkup(el.attrs.type)}` : ''}`)}>`, '</section>'];
}

function division(el: TeiElement, ctx: HtmlContext, inner: () => string): string {
  if (ctx.phrasing) return `<span${common(el, 'div block')}>${inner()}</span>`;
  const [open, close] = divisionTags(el);
  ctx.depth++;
  try {
    return open + inner() + close;
  } finally {
    ctx.depth--;
  }
}

function choice(el: TeiElement, ctx: HtmlContext): string {
  // the reading text shows the regularised or corrected form; the diplomatic view the other
  const pick = (names: string[]) => el.children.find((c): c is TeiElement => c.type === 'element' && names.includes(c.name));
  const reading = pick(['corr', 'reg', 'expan']);
  const original = pick(['sic', 'orig', 'abbr']);
  const r = reading ? htmlWalker.renderChildren(reading, ctx) : '';
  const o = original ? htmlWalker.renderChildren(original, ctx) : '';
  if (!reading) return o;
  if (!original) return r;
  return `<span class="reading-form">${r}</span><span class="dipl choice-orig">${o}</span>`;
}

/** The table. Keys are TEI element selectors (see `walker.ts`). */
export const htmlRules: RuleTable<HtmlContext> = {
  teiHeader: null,
  TEI: ['', ''],
  text: ['', ''],
  body: ['', ''],
  front: ['', ''],
  back: ['', ''],
  group: ['', ''],
  head: heading,
  p: paragraph,
  ab: paragraph,
  div: division,
  opener: block('div', 'opener'),
  closer: block('div', 'closer'),
  dateline: block('p', 'dateline', true),
  salute: block('p', 'salute', true),
  signed: block('p', 'signed', true),
  byline: block('p', 'byline', true),
  docAuthor: span('docAuthor'),
  postscript: block('div', 'postscript'),
  'seg[type=classification]': span('classification'),
  seg: span('seg'),
  'note[type=duplicate]': debris('Second OCR pass', 'duplicate'),
  'note[type=marginal]': debris('Marginal note', 'marginal'),
  'fw[type=catch]': debris('Catchword', 'fw fw-catch'),
  'fw[type=pageNum]': debris('Page number', 'fw fw-pageNum'),
  'fw[type=turnOver]': debris('Direction to turn over', 'fw fw-turnOver'),
  'fw[type=reference]': debris('File reference', 'fw fw-reference'),
  fw: debris('Page furniture', 'fw'),
  'note[type=address]': outOfLine('div', 'address-note'),
  'note[type=source]': block('aside', 'source-note', true),
  'note[place=foot]': footnote,
  note: footnote,
  address: block('div', 'address'),
  addrLine: block('p', 'addrLine', true),
  // the printed page number where the page broke, so that readers can cite print pages
  pb: (el) =>
    el.attrs.n
      ? `<span class="pb" role="note" aria-label="Page ${escapeMarkup(el.attrs.n)} begins">[p.&#160;${escapeMarkup(el.attrs.n)}]</span>`
      : `<span class="pb pb-unnumbered" role="note" aria-label="Page break" title="page break">‖</span>`,
  'lb[break=no]': () => WORD_BREAK,
  lb: lineBreak,
  label: (el, ctx, inner) => (isNoteLabel(el) ? '' : `<span class="label">${phrasing(ctx, inner)}</span>`),
  'hi[rend=italic]': ['<i>', '</i>'],
  'hi[rend=bold]': ['<b>', '</b>'],
  'hi[rend=underline]': ['<u>', '</u>'],
  'hi[rend=superscript]': ['<sup>', '</sup>'],
  'hi[rend=subscript]': ['<sub>', '</sub>'],
  hi: span('hi'),
  emph: ['<em>', '</em>'],
  foreign: (el, _ctx, inner) => `<i${common(el, 'foreign')}>${inner()}</i>`,
  title: ['<cite>', '</cite>'],
  q: ['<q>', '</q>'],
  quote: block('blockquote', 'quote'),
  persName,
  orgName: span('orgName'),
  rs: span('rs'),
  placeName: span('placeName'),
  date,
  gap: () => '<span class="gap" title="omitted by the editors">[…]</span>',
  choice,
  list: block('ul', 'list'),
  item: block('li', 'item', true),
  lg: block('div', 'lg'),
  l: block('p', 'l', true),
  table: (el, ctx, inner) => (ctx.phrasing ? `<span${common(el, 'table block')}>${inner()}</span>` : `<table${common(el, 'table')}><tbody>${inner()}</tbody></table>`),
  row: (el, ctx, inner) => (ctx.phrasing ? `<span${common(el, 'row block')}>${inner()}</span>` : `<tr>${inner()}</tr>`),
  cell: (el, ctx, inner) => (ctx.phrasing ? `<span${common(el, 'cell')}>${inner()} </span>` : `<td>${phrasing(ctx, inner)}</td>`),
  'ref[target]': (el, ctx, inner) => {
    const t = el.attrs.target!;
    return /^https?:\/\//.test(t) ? `<a href="${escapeMarkup(t)}">${phrasing(ctx, inner)}</a>` : inner();
  },
  figure: block('figure', 'figure'),
  figDesc: span('figDesc'),
  graphic: null,
  anchor: null,
  milestone: null,
  // an element without a rule keeps its text, in a span or a div as the context allows
  '*': (el, ctx, inner) => {
    const tag = ctx.phrasing ? 'span' : 'div';
    return `<${tag} class="tei-${escapeMarkup(el.name.replace(/[^\w-]/g, '_'))}">${inner()}</${tag}>`;
  },
};

/** The walker over {@link htmlRules}; text is escaped. */
export const htmlWalker = new Walker<HtmlContext>(htmlRules, (text) => escapeMarkup(text));

/**
 * The elements of the reading text rendered as their children come (src/transform/text-events.ts), each as the
 * tags around its children: those whose rule is a pair of strings (the text, body, divisions' wrappers) and the
 * divisions. Below the text and other containers only, so in flow content, where a division is a section.
 */
export const htmlContainers = {
  passes(el: TeiElement): boolean {
    const rule = htmlWalker.ruleFor(el);
    return rule === division || Array.isArray(rule);
  },
  open(el: TeiElement, ctx: HtmlContext): string {
    const rule = htmlWalker.ruleFor(el);
    if (rule !== division) return (rule as readonly [string, string])[0];
    ctx.depth++;
    return divisionTags(el)[0];
  },
  close(el: TeiElement, ctx: HtmlContext): string {
    const rule = htmlWalker.ruleFor(el);
    if (rule !== division) return (rule as readonly [string, string])[1];
    ctx.depth--;
    return divisionTags(el)[1];
  },
};
