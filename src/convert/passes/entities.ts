import type { DocumentPass } from '../pass.js';
import { tagDocument } from '../entities/tag-document.js';

/**
 * Persons, dates and places in running text: `persName` with a `ref` into the edition's personography,
 * `date` with ISO values, `placeName` in datelines; sets the `ref` of the document's correspondents. Runs after
 * the header pass, whose document date is the reference for dates printed without a year.
 */
export const entitiesPass: DocumentPass = {
  name: 'entities',
  run: (doc, ctx) => {
    tagDocument(doc, ctx.persons);
  },
};
