import type { DocumentPass, SourceState } from '../pass.js';
import { sourceKnowledge, tagDocument } from '../entities/tag-document.js';
import type { NameKnowledge } from '../entities/persons/knowledge.js';

/**
 * What the pass remembers of a source while its documents go by: the reference date it reached (volumes of
 * letters and telegrams run in date order, so an undated document takes the date of the one before) and what
 * the whole source teaches about its names.
 */
const ACROSS_DOCUMENTS: SourceState<{ reference?: string; knowledge: NameKnowledge }> = {
  name: 'entities',
  create: (ctx) => ({ knowledge: ctx.persons.takeSourceKnowledge?.(ctx.source.lines) ?? sourceKnowledge(ctx.source.lines) }),
};

/**
 * Persons, dates and places in running text: `persName` with a `ref` into the edition's personography,
 * `date` with ISO values, `placeName` in datelines; sets the `ref` of the document's correspondents. The
 * document date the header pass found is the reference for dates printed without a year; a sender the volume
 * pass inferred is resolved like a printed one.
 */
export const entitiesPass: DocumentPass = {
  name: 'entities',
  scope: 'document',
  // Persons are resolved "named last in the same document": a runaway document would join names across many.
  skipsOversized: true,
  requires: ['inline', 'notes', 'header', 'volume'],
  run: (doc, ctx) => {
    const state = ctx.state(ACROSS_DOCUMENTS);
    const stats = tagDocument(doc, ctx.persons, { fallbackReference: state.reference, source: state.knowledge });
    if (stats.reference) state.reference = stats.reference;
    ctx.persons.documentTagged?.(doc);
  },
};
