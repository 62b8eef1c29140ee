/**
 * The edition on disk, whole: converting files into an edition folder and building the whole edition (`buildEdition`). A public entry point of its own so that the CLI's `validate` does not load the converter.
 */
export { convertFiles, readInput, DEFAULT_MAX_BYTES, type ConvertFilesOptions, type ConvertFilesResult, type ConvertedFile, type KeptFile, type PersonographyOutcome } from './convert-files.js';
export { buildEdition, listSources, type BuildOptions, type BuildReport } from './build-edition.js';
export { initProject, type InitReport } from './init-project.js';
