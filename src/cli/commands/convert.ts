import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { missingPath, outputFileProblem, outputProblem, positiveNumber } from '../checks.js';
import { awaitStoppable } from '../stoppable.js';
import { keptLines, personsLine } from '../report-lines.js';
import { errorLine, writeOutputFile } from '../error-lines.js';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/index.js';

/** How many of the converter's doubts the summary prints before pointing to --report. */
const SUMMARY_LINES = 20;
const DEFAULT_MAX_MB = 64;

export const convertCommand = defineCommand({
  command: 'convert <files..>',
  describe: 'Convert raw texts to TEI P5: one file per document in OUT/<source>/<nnn>.xml',
  usage: 'chancery convert FILE… [--out DIR] [--force] [--report FILE.json] [--json] [--quiet] [--max-size MB] [--jobs N]',
  missingOperands: 'name at least one text file to convert',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'input text files' })
      .option('out', { type: 'string', requiresArg: true, default: 'tei', describe: 'output folder' })
      .option('force', { type: 'boolean', default: false, describe: 'regenerate files edited since they were generated' })
      .option('config', { type: 'string', requiresArg: true, describe: 'edition config (default chancery.config.json, if any)' })
      .option('report', { type: 'string', requiresArg: true, describe: 'write every diagnostic to this JSON file' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print errors only' })
      .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON' })
      .option('max-size', { type: 'number', requiresArg: true, default: DEFAULT_MAX_MB, describe: 'refuse inputs above this many MB' })
      .option('jobs', { type: 'number', requiresArg: true, describe: 'files converted side by side in worker threads [default: all cores, at most one per file]' }),
  check: (args, io) =>
    missingPath(args.files, io.cwd) ??
    outputProblem(args.out, '--out', args.files, io.cwd) ??
    (args.report === undefined ? undefined : (outputProblem(args.report, '--report', args.files, io.cwd) ?? outputFileProblem(args.report, '--report', io.cwd))) ??
    (args.report !== undefined && resolve(io.cwd, args.report) === resolve(io.cwd, args.out) ? `--report ${args.report} is the --out folder: name a file` : undefined) ??
    (args.config !== undefined ? missingPath([args.config], io.cwd)?.replace('no such', '--config: no such') : undefined) ??
    positiveNumber(args.maxSize, '--max-size') ??
    (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs >= 1) ? '--jobs takes a whole number ≥ 1' : undefined),
  run: async (args, io) => {
    // Loaded here, not at start-up: every other command would pay for the converter's dependencies.
    // In a worker thread, which a signal can stop (src/build/stoppable): this thread stays free to hear it.
    const [{ convertFilesInWorker }, { editionDate, readProjectConfig }] = await Promise.all([import('../../build/stoppable/index.js'), import('../../edition/index.js')]);
    const config = readProjectConfig(io.cwd, args.config);
    const date = editionDate(config, io.env?.SOURCE_DATE_EPOCH);
    // cli-progress (17 modules) is loaded only by the commands that draw a bar, and only when they run
    const { startProgress } = await import('../progress.js');
    const progress = startProgress(io, 'convert', args.quiet || args.json);
    const started = performance.now();
    // Paths as the user typed them, relative to the command's folder (io.cwd), which in-process callers set
    // apart from the process's; the library reads and writes there and names them as typed.
    const run = convertFilesInWorker(args.files, {
      cwd: io.cwd,
      outDir: args.out,
      maxBytes: args.maxSize * 1048576,
      force: args.force,
      jobs: args.jobs ?? availableParallelism(),
      personsFile: config.personsFile,
      ...(date ? { generatedOn: date } : {}),
      onFile: (_f, done, total) => progress.update(done, total),
    });
    const result = await awaitStoppable(io, run, progress);
    const ms = performance.now() - started;
    const failed = result.files.filter((f) => f.error);
    const documents = result.files.reduce((n, f) => n + f.documents, 0);
    const counts = countBySeverity(result.diagnostics.filter((d) => !result.files.some((f) => f.error === d)));
    // Written whatever failed before: the report is where every failure is listed.
    const reportFailure = args.report
      ? writeOutputFile(
          resolve(io.cwd, args.report),
          JSON.stringify({ files: result.files.map((f) => ({ file: f.file, encoding: f.encoding, folder: f.folder, documents: f.documents, written: f.written, error: f.error, notWritten: f.notWritten })), kept: result.kept, removed: result.removed, diagnostics: result.diagnostics }, null, 1) + '\n',
          args.report,
        )
      : undefined;
    for (const f of failed) io.stderr(`${errorLine('convert', f.error!)}\n`);
    const writeFailures = [...result.writeFailures, ...(reportFailure ? [reportFailure] : [])];
    for (const d of writeFailures) io.stderr(`${errorLine('convert', d)}\n`);
    const unwritten = result.files.reduce((n, f) => n + (f.notWritten ? f.documents - f.written.length : 0), 0);
    if (args.json) {
      io.stdout(JSON.stringify({ files: result.files.length, failed: failed.length, documents, notWritten: unwritten, writeFailures: writeFailures.length, kept: result.kept.length, removed: result.removed.length, warnings: counts.warning, info: counts.info, ms: Math.round(ms) }) + '\n');
    } else if (!args.quiet) {
      for (const f of result.files.filter((x) => x.encoding === 'windows-1252')) io.stdout(`${f.file}: decoded as Windows-1252 (not valid UTF-8)\n`);
      // kept files are summed up below, not listed one warning each
      const doubts = result.diagnostics.filter((d) => d.severity === 'warning' && !result.kept.some((k) => k.path === d.span?.file));
      for (const d of doubts.slice(0, SUMMARY_LINES)) io.stdout(formatDiagnostic(d) + '\n');
      if (doubts.length > SUMMARY_LINES) io.stdout(`… ${doubts.length - SUMMARY_LINES} more${args.report ? ` in ${args.report}` : ' (use --report FILE.json for all)'}\n`);
      for (const line of keptLines(result.kept, (p) => p)) io.stdout(`${line}\n`);
      if (documents > 0) io.stdout(`${personsLine(result.persons, (p) => p)}\n`);
      const notWritten = unwritten > 0 ? `, ${unwritten} of them not written` : '';
      io.stdout(`converted ${result.files.length - failed.length} of ${result.files.length} files into ${documents} TEI documents${notWritten} in ${args.out}/ (${counts.warning} warnings, ${counts.info} notes) in ${(ms / 1000).toFixed(2)} s\n`);
    }
    // A file that could not be written is a failure of the tool's surroundings (2), before an unreadable input (3).
    return writeFailures.length > 0 ? ExitCode.usage : failed.length > 0 ? ExitCode.input : ExitCode.ok;
  },
});
