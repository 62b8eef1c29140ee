/** CSV export: `documents.csv`, `persons.csv`, `mentions.csv`, `edges.csv` (see `tables.ts`). */
import type { Edition } from '../edition.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { editionTables, toCsv } from './tables.js';

/** The CSV export: four RFC 4180 tables (see `tables.ts`). */
export const csvTransform: TransformModule = {
  name: 'csv',
  describe: 'documents, persons, mentions and correspondence edges as CSV (Gephi, Palladio)',
  *render(edition: Edition, _ctx: TransformContext): Iterable<OutputFile> {
    for (const t of editionTables(edition)) yield { path: `${t.name}.csv`, content: toCsv(t) };
  },
};
