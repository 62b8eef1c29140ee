import type { SourceText } from '../../model/document.js';
import type { DocumentPass } from '../pass.js';
import { tagDocument } from '../entities/tag-document.js';

/**
 * The reference date each source reached, for its next undated document: volumes of letters and telegrams run
 * in date order. Keyed by the source object, so nothing outlives one conversion.
 */
const lastReference = new WeakMap<SourceText, string>();

/**
 * Persons, dates and places in running text: `persName` with a `ref` into the edition's personography,
 * `date` with ISO values, `placeName` in datelines; sets the `ref` of the document's correspondents. Runs after
 * the header pass, whose document date is the reference for dates printed without a year.
 */
export const entitiesPass: DocumentPass = {
  name: 'entities',
  run: (doc, ctx) => {
    const stats = tagDocument(doc, ctx.persons, { fallbackReference: lastReference.get(ctx.source) });
    if (stats.reference) lastReference.set(ctx.source, stats.reference);
  },
};
