import type { SourceText } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { sourceSurnames, tagDocument } from '../entities/tag-document.js';

/**
 * What the pass remembers of each source while its documents go by: the reference date it reached (volumes of
 * letters and telegrams run in date order, so an undated document takes the date of the one before) and the
 * surnames the whole source establishes. Keyed by the source object, so nothing outlives one conversion.
 */
const perSource = new WeakMap<SourceText, { reference?: string; known: Set<string> }>();

/**
 * Persons, dates and places in running text: `persName` with a `ref` into the edition's personography,
 * `date` with ISO values, `placeName` in datelines; sets the `ref` of the document's correspondents. Runs after
 * the header pass, whose document date is the reference for dates printed without a year.
 */
export const entitiesPass: DocumentPass = {
  name: 'entities',
  run: (doc, ctx) => {
    let state = perSource.get(ctx.source);
    if (!state) {
      state = { known: sourceSurnames(ctx.source.lines) };
      perSource.set(ctx.source, state);
    }
    const stats = tagDocument(doc, ctx.persons, { fallbackReference: state.reference, sourceKnown: state.known });
    if (stats.reference) state.reference = stats.reference;
  },
};
