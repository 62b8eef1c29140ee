/** The built-in transforms, by target name. */
import type { TransformModule } from '../module.js';
import { cmifTransform } from './cmif.js';
import { csvTransform } from './csv.js';
import { htmlTransform } from './html.js';
import { jsonTransform } from './json.js';
import { textTransform } from './text.js';

/** The built-in transforms by `--to` name. */
export const builtinTransforms: Readonly<Record<string, TransformModule>> = {
  html: htmlTransform,
  text: textTransform,
  cmif: cmifTransform,
  csv: csvTransform,
  json: jsonTransform,
};
