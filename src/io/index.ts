/**
 * Files as bytes: regular files read within a size limit, writes that never leave a half-written file, the
 * files of Chancery's own package.
 */
export { breathe } from './breathe.js';
export { packageFile, packageRoot } from './package-files.js';
export { ioCause, kindOfNonFile, readRegularFile, type FileProblem } from './read-regular-file.js';
export { createTempFile, removePendingTempFiles, removeStaleTempFiles, removeTempFile, writeFileAtomic } from './write-file-atomic.js';
export { absolutePath, resolveFrom } from './paths.js';
