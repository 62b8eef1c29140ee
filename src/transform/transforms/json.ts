/** JSON export: the same four tables as the CSV export, one array of objects per file. */
import type { Edition } from '../edition.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { editionTables } from './tables.js';

/** The JSON export: the CSV export's four tables as arrays of objects. */
export const jsonTransform: TransformModule = {
  name: 'json',
  describe: 'documents, persons, mentions and correspondence edges as JSON',
  *render(edition: Edition, _ctx: TransformContext): Iterable<OutputFile> {
    for (const t of editionTables(edition)) yield { path: `${t.name}.json`, content: JSON.stringify(t.rows, null, 2) + '\n' };
  },
};
