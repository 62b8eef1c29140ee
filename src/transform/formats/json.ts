/**
 * JSON export: the same four tables as the CSV export, one file each, every file opening with the
 * edition's metadata (title, publisher, editor, licence, base URL, release date from the config).
 */
import type { EditionConfig } from '../config.js';
import type { Edition } from '../edition.js';
import type { OutputFile, TransformContext, TransformModule } from '../module.js';
import { editionTables } from './tables.js';

/** What every JSON file says about the edition it comes from. */
export interface EditionMetadata {
  title: string;
  publisher: string;
  editor: string;
  licence: { name: string; url?: string } | null;
  baseUrl: string | null;
  /** The config's `date` (the edition's release date), never the clock: builds are reproducible. */
  generated: string | null;
  generator: 'Chancery';
}

/** The edition metadata written at the head of every JSON export. */
export function editionMetadata(config: EditionConfig): EditionMetadata {
  return {
    title: config.title,
    publisher: config.publisher,
    editor: config.editor.name,
    licence: config.licence ?? null,
    baseUrl: config.baseUrl || null,
    generated: config.date ?? null,
    generator: 'Chancery',
  };
}

/** The JSON export: `{ "edition": {…}, "<table>": [rows] }` for each of the CSV export's four tables. */
export const jsonTransform: TransformModule = {
  name: 'json',
  describe: 'documents, persons, mentions and correspondence edges as JSON, with the edition metadata',
  *render(edition: Edition, ctx: TransformContext): Iterable<OutputFile> {
    const meta = editionMetadata(ctx.config);
    for (const t of editionTables(edition)) {
      yield { path: `${t.name}.json`, content: JSON.stringify({ edition: meta, [t.name]: t.rows }, null, 2) + '\n' };
    }
  },
};
