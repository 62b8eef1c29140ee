/**
 * The edition on disk, whole: converting files into an edition folder and (later in this module) building the
 * whole edition. A public entry point of its own so that the CLI's `validate` does not load the converter.
 */
export { convertFiles, readInput, DEFAULT_MAX_BYTES, type ConvertFilesOptions, type ConvertFilesResult, type ConvertedFile } from './convert-files.js';
