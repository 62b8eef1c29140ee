import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { folderProblem, missingPath, outputFileProblem, outputProblem, within } from '../checks.js';
import { awaitStoppable } from '../stoppable.js';
import { keptLines, personsLine } from '../report-lines.js';
import { errorLine, writeOutputFile } from '../error-lines.js';
import { countBySeverity, EditionCodes, EntityCodes, formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';

/** How many validation findings the build prints before pointing to `chancery validate`. */
const MAX_FINDINGS_SHOWN = 20;

/** `npm start`: sources/ → tei/ → validation → site/ and exports/, through `buildEdition()`. */
export const buildCommand = defineCommand({
  command: 'build',
  describe: 'Build the whole edition: convert sources/, validate tei/, write site/ and exports/',
  usage: 'chancery build [--sources DIR] [--tei DIR] [--site DIR] [--exports DIR] [--force] [--report FILE.json] [--verbose] [--quiet]',
  builder: (y) =>
    y
      .option('sources', { type: 'string', requiresArg: true, default: 'sources', describe: 'folder of raw texts (*.txt)' })
      .option('tei', { type: 'string', requiresArg: true, default: 'tei', describe: 'folder of the TEI edition' })
      .option('site', { type: 'string', requiresArg: true, default: 'site', describe: 'folder of the HTML edition' })
      .option('exports', { type: 'string', requiresArg: true, default: 'exports', describe: 'folder of text, CMIF, CSV and JSON exports' })
      .option('config', { type: 'string', requiresArg: true, describe: 'edition config (default chancery.config.json, if any)' })
      .option('force', { type: 'boolean', default: false, describe: 'regenerate TEI files edited since they were generated' })
      .option('report', { type: 'string', requiresArg: true, describe: 'write every finding of every stage to this JSON file' })
      .option('verbose', { type: 'boolean', default: false, describe: 'print every warning, not only the counts' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print errors only' }),
  check: (args, io) => {
    const problem = folderProblem(args.sources, '--sources', io.cwd, false);
    if (problem) return `${problem} (the raw texts of the edition; chancery init creates the layout)`;
    const folders: [string, string][] = [['--sources', args.sources], ['--tei', args.tei], ['--site', args.site], ['--exports', args.exports]];
    for (const [option, path] of folders.slice(1)) {
      const p = folderProblem(path, option, io.cwd, true);
      if (p) return p;
    }
    for (const [a, pa] of folders) {
      for (const [b, pb] of folders) {
        if (a !== b && within(resolve(io.cwd, pa), resolve(io.cwd, pb))) return `${a} ${pa} ${resolve(io.cwd, pa) === resolve(io.cwd, pb) ? 'is the same folder as' : 'lies inside'} ${b} ${pb}: each needs a folder of its own`;
      }
    }
    if (args.config !== undefined) {
      const p = missingPath([args.config], io.cwd);
      if (p) return p.replace('no such', '--config: no such');
    }
    if (args.report !== undefined) {
      const p = outputProblem(args.report, '--report', [args.sources, args.tei], io.cwd) ?? outputFileProblem(args.report, '--report', io.cwd);
      if (p) return p;
    }
    if (!readdirSync(resolve(io.cwd, args.sources)).some((f) => f.endsWith('.txt'))) {
      return `${args.sources}/ holds no .txt files: put the raw texts of the edition there (one text file per source)`;
    }
    return undefined;
  },
  run: async (args, io) => {
    // Loaded when the command runs, so that `chancery validate` does not pay for the converter at start-up.
    // In a worker thread, which a signal can stop (src/build/stoppable): this thread stays free to hear it.
    const [{ buildEditionInWorker }, { formatReport }] = await Promise.all([import('../../build/stoppable/index.js'), import('../../validate/index.js')]);
    const show = (p: string): string => relative(io.cwd, p) || '.';
    // cli-progress (17 modules) is loaded only by the commands that draw a bar, and only when they run
    const { startProgress } = await import('../progress.js');
    const progress = startProgress(io, 'convert', args.quiet);
    const outputs = [args.tei, args.site, args.exports].map((p) => resolve(io.cwd, p));
    const run = buildEditionInWorker({
      cwd: io.cwd,
      sources: args.sources,
      tei: args.tei,
      site: args.site,
      exports: args.exports,
      force: args.force,
      ...(args.config ? { config: args.config } : {}),
      ...(io.env?.SOURCE_DATE_EPOCH ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
      onProgress: (done, total) => progress.update(done, total),
    }, outputs);
    const build = await awaitStoppable(io, run, progress);
    const say = (line: string): void => {
      if (!args.quiet) io.stdout(`${line}\n`);
    };
    const all: Diagnostic[] = [
      ...build.convert.diagnostics,
      ...(build.validation?.files.flatMap((f) => f.diagnostics) ?? []),
      ...build.transforms.flatMap((t) => t.diagnostics),
    ];
    const hint = args.report ? `all in ${args.report}` : '--verbose lists them, --report FILE.json keeps them';
    const conversionWarnings = build.convert.diagnostics.filter((d) => d.severity === 'warning' && !build.convert.kept.some((k) => k.path === d.span?.file));
    const convertCounts = countBySeverity(conversionWarnings);
    say(
      `convert: ${build.sources.length} sources → ${build.documents} TEI documents in ${show(resolve(io.cwd, args.tei))}/ ` +
        `(${convertCounts.warning} warnings${convertCounts.warning ? `: ${hint}` : ''}${build.convert.removed.length ? `; ${build.convert.removed.length} files no longer generated removed` : ''}) in ${seconds(build.ms.convert)}`,
    );
    if (args.verbose) for (const d of conversionWarnings) say(formatDiagnostic(d));
    for (const line of keptLines(build.convert.kept, show)) say(line);
    say(personsLine(build.convert.persons, show));
    const toEditor = new Set<string>([...Object.values(EntityCodes), EditionCodes.personographyEdited]);
    for (const d of build.convert.diagnostics.filter((x) => toEditor.has(x.code))) io.stderr(`${formatDiagnostic(d)}\n`);
    const failed = build.convert.files.filter((f) => f.error);
    for (const f of failed) io.stderr(`${errorLine('build', f.error!)}\n`);
    for (const d of build.convert.writeFailures) io.stderr(`${errorLine('build', d)}\n`);
    const reportFailure = args.report ? writeOutputFile(resolve(io.cwd, args.report), JSON.stringify({ diagnostics: all }, null, 1) + '\n') : undefined;
    if (reportFailure) io.stderr(`${errorLine('build', reportFailure)}\n`);
    // A file that could not be written is a failure of the tool's surroundings (2), before an unreadable source (3);
    // either way the build stopped after conversion.
    if (build.convert.writeFailures.length > 0 || (reportFailure && !build.validation)) return ExitCode.usage;
    if (failed.length > 0 || !build.validation) return ExitCode.input;

    const findings = formatReport(build.validation, 'text').trimEnd().split('\n');
    const problems = findings.slice(0, -1);
    const shown = args.verbose ? problems : problems.slice(0, MAX_FINDINGS_SHOWN);
    for (const line of shown) io.stdout(`${line}\n`);
    if (problems.length > shown.length) io.stdout(`… ${problems.length - shown.length} more: chancery validate ${args.tei}${args.report ? ` or ${args.report}` : ''}\n`);
    say(`validate: ${findings[findings.length - 1]}`);

    const written = build.transforms.reduce((n, r) => n + r.written.length, 0);
    const transformFindings = build.transforms.flatMap((r) => r.diagnostics).filter((d) => d.severity !== 'info');
    say(
      `transform: ${written} files in ${show(resolve(io.cwd, args.site))}/ and ${show(resolve(io.cwd, args.exports))}/ ` +
        `(${transformFindings.length} warnings${transformFindings.length ? `: ${hint}` : ''}) in ${seconds(build.ms.transform)}`,
    );
    if (args.verbose) for (const d of transformFindings) say(formatDiagnostic(d));
    if (args.report && !reportFailure) say(`full report (every finding of every stage): ${args.report}`);
    const errors = build.validation.summary.errors + build.transforms.reduce((n, t) => n + countBySeverity(t.diagnostics).error, 0);
    return reportFailure ? ExitCode.usage : errors > 0 ? ExitCode.findings : ExitCode.ok;
  },
});

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
