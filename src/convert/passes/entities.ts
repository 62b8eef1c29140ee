import type { DocumentPass, SourceState } from '../pass.js';
import { sourceSurnames, tagDocument } from '../entities/tag-document.js';

/**
 * What the pass remembers of a source while its documents go by: the reference date it reached (volumes of
 * letters and telegrams run in date order, so an undated document takes the date of the one before) and the
 * surnames the whole source establishes.
 */
const ACROSS_DOCUMENTS: SourceState<{ reference?: string; known: ReadonlySet<string> }> = {
  name: 'entities',
  create: (ctx) => ({ known: sourceSurnames(ctx.source.lines) }),
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
  requires: ['inline', 'notes', 'header', 'volume'],
  run: (doc, ctx) => {
    const state = ctx.state(ACROSS_DOCUMENTS);
    const stats = tagDocument(doc, ctx.persons, { fallbackReference: state.reference, sourceKnown: state.known });
    if (stats.reference) state.reference = stats.reference;
  },
};
