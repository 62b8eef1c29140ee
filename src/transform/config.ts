/**
 * The edition's configuration (`chancery.config.json` at the repository root): who edits the edition,
 * where it is published, and what the CMIF export says about it. Transforms read these values from the
 * file, never from code, so that another edition sets its own without touching Chancery.
 */
import { existsSync, readFileSync } from 'node:fs';
import { TransformError } from '../diagnostics/diagnostic.js';
import { TransformCodes } from '../diagnostics/codes.js';

/** The parsed config, with defaults filled in for what is optional. */
export interface EditionConfig {
  /** Title of the edition, shown on every page and in the CMIF header. */
  title: string;
  /** Where `site/` is published, ending in `/`. Letters' URLs in the CMIF export are built from it. */
  baseUrl: string;
  /** Where the CMIF file itself is published (its `idno type="url"`); default `<baseUrl>exports/cmif.xml`. */
  cmifUrl: string;
  editor: { name: string; email: string };
  publisher: string;
  /** Known GeoNames URIs for place names as they stand in the correspDesc (`"Moscow": "https://…"`). */
  places: Record<string, string>;
  /**
   * The edition's release date (`YYYY-MM-DD`): the generated date of the exports and the CMIF header, so
   * that a build never writes the clock and two builds of the same edition are byte-identical.
   */
  date?: string;
  /** The licence the edition is published under (About page, citation, JSON export). */
  licence?: { name: string; url?: string };
  /** A paragraph about the edition for the About page. */
  description?: string;
  /**
   * Bibliographic descriptions of the sources, by the source file name that documents' `idno type="source"`
   * traces to (`"004_….txt": "J. V. Stalin, Works, vol. 17: War Telegrams (London, 1986)"`).
   */
  sources: Record<string, string>;
  /** Where the config came from (for messages); undefined when defaults were used. */
  file: string | undefined;
}

interface RawConfig {
  title?: unknown;
  baseUrl?: unknown;
  cmifUrl?: unknown;
  editor?: { name?: unknown; email?: unknown };
  publisher?: unknown;
  places?: unknown;
  date?: unknown;
  licence?: { name?: unknown; url?: unknown };
  description?: unknown;
  sources?: unknown;
}

const DEFAULTS = {
  title: 'Chancery edition',
  publisher: 'Chancery edition',
};

/**
 * Reads the config. A missing file is not an error for the HTML and text transforms (they need nothing
 * from it but a title); `required` makes it one, for CMIF, whose header must name a real editor.
 */
export function loadConfig(file: string | undefined, required: boolean): EditionConfig {
  if (file === undefined || !existsSync(file)) {
    if (required) {
      throw TransformError.of(TransformCodes.config, {
        file: file ?? 'chancery.config.json',
        problem: "config file not found; the CMIF export needs the editor's name and email and the edition's base URL from it",
      });
    }
    return { ...DEFAULTS, baseUrl: '', cmifUrl: '', editor: { name: '', email: '' }, places: {}, sources: {}, file: undefined };
  }
  let raw: RawConfig;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as RawConfig;
  } catch (e) {
    throw TransformError.of(TransformCodes.config, { file, problem: `not valid JSON: ${(e as Error).message}` }, { cause: e });
  }
  const str = (v: unknown, what: string, fallback?: string): string => {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (fallback !== undefined) return fallback;
    throw TransformError.of(TransformCodes.config, { file, problem: `"${what}" must be a non-empty string` });
  };
  let baseUrl = str(raw.baseUrl, 'baseUrl', required ? undefined : '');
  if (baseUrl && !baseUrl.endsWith('/')) baseUrl += '/';
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) {
    throw TransformError.of(TransformCodes.config, { file, problem: '"baseUrl" must be an http(s) URL' });
  }
  const places: Record<string, string> = {};
  if (raw.places && typeof raw.places === 'object') {
    for (const [k, v] of Object.entries(raw.places as Record<string, unknown>)) if (typeof v === 'string') places[k] = v;
  }
  const sources: Record<string, string> = {};
  if (raw.sources && typeof raw.sources === 'object') {
    for (const [k, v] of Object.entries(raw.sources as Record<string, unknown>)) if (typeof v === 'string') sources[k] = v;
  }
  const date = str(raw.date, 'date', '');
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw TransformError.of(TransformCodes.config, { file, problem: `"date" must be a date written YYYY-MM-DD (the edition's release date)` });
  }
  const licenceName = raw.licence && typeof raw.licence === 'object' ? str(raw.licence.name, 'licence.name', '') : '';
  const licenceUrl = raw.licence && typeof raw.licence === 'object' ? str(raw.licence.url, 'licence.url', '') : '';
  const description = str(raw.description, 'description', '');
  return {
    ...(date ? { date } : {}),
    ...(licenceName ? { licence: { name: licenceName, ...(licenceUrl ? { url: licenceUrl } : {}) } } : {}),
    ...(description ? { description } : {}),
    sources,
    title: str(raw.title, 'title', DEFAULTS.title),
    baseUrl,
    cmifUrl: str(raw.cmifUrl, 'cmifUrl', baseUrl ? `${baseUrl}exports/cmif.xml` : ''),
    editor: {
      name: str(raw.editor?.name, 'editor.name', required ? undefined : ''),
      email: str(raw.editor?.email, 'editor.email', required ? undefined : ''),
    },
    publisher: str(raw.publisher, 'publisher', DEFAULTS.publisher),
    places,
    file,
  };
}
