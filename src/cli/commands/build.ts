import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { folderProblem, within } from '../checks.js';
import { startProgress } from '../progress.js';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/diagnostic.js';

/** How many validation findings the build prints before pointing to `chancery validate`. */
const MAX_FINDINGS_SHOWN = 20;

/** `npm start`: sources/ → tei/ → validation → site/ and exports/. */
export const buildCommand = defineCommand({
  command: 'build',
  usage: 'chancery build [--sources DIR] [--tei DIR] [--site DIR] [--exports DIR] [--quiet]',
  describe: 'Build the whole edition: convert sources/, validate tei/, write site/ and exports/',
  builder: (y) =>
    y
      .option('sources', { type: 'string', requiresArg: true, default: 'sources', describe: 'folder of raw texts (*.txt)' })
      .option('tei', { type: 'string', requiresArg: true, default: 'tei', describe: 'folder of the TEI edition' })
      .option('site', { type: 'string', requiresArg: true, default: 'site', describe: 'folder of the HTML edition' })
      .option('exports', { type: 'string', requiresArg: true, default: 'exports', describe: 'folder of text, CMIF, CSV and JSON exports' })
      .option('quiet', { type: 'boolean', default: false }),
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
        if (a !== b && within(resolve(io.cwd, pa), resolve(io.cwd, pb))) return `${a} ${pa} ${pa === pb ? 'is the same folder as' : 'lies inside'} ${b} ${pb}: each needs a folder of its own`;
      }
    }
    if (!readdirSync(resolve(io.cwd, args.sources)).some((f) => f.endsWith('.txt'))) {
      return `${args.sources}/ holds no .txt files: put the raw texts of the edition there (one text file per source)`;
    }
    return undefined;
  },
  run: async (args, io) => {
    // Loaded when the command runs, so that `chancery validate` does not pay for the converter at start-up.
    const [{ convertFiles }, { PersonRegistry }, { formatReport, validate }, { transformEdition }] = await Promise.all([
      import('../../build/index.js'),
      import('../../convert/entities/personography.js'),
      import('../../validate/index.js'),
      import('../../transform/index.js'),
    ]);
    const inputs = readdirSync(args.sources)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(args.sources, f));
    const progress = startProgress(io, 'convert', args.quiet);
    const epoch = io.env?.SOURCE_DATE_EPOCH;
    const t0 = performance.now();
    // One registry for the whole edition, seeded from the last build so person ids never change.
    const persons = PersonRegistry.load(args.tei, args.sources);
    const result = convertFiles(inputs, { outDir: args.tei, persons, generatedOn: buildDate(epoch), onFile: (_f, d, t) => progress.update(d, t) });
    progress.stop();
    persons.write(args.tei);
    const documents = result.files.reduce((n, f) => n + f.documents.length, 0);
    const counts = countBySeverity(result.diagnostics);
    io.stdout(`convert: ${inputs.length} sources → ${documents} TEI documents in ${args.tei}/ (${counts.warning} warnings; chancery convert --report for details) in ${seconds(t0)}\n`);
    io.stdout(persons.summary(args.tei) + '\n');
    for (const d of persons.diagnostics) io.stdout(formatDiagnostic(d) + '\n');
    const failed = result.files.filter((f) => f.error);
    for (const f of failed) io.stderr(`chancery: ${f.error!.message}\n`);
    if (failed.length > 0) return ExitCode.input;

    const report = await validate([args.tei]);
    const findings = formatReport(report, 'text').trimEnd().split('\n');
    const problems = findings.slice(0, -1);
    for (const line of problems.slice(0, MAX_FINDINGS_SHOWN)) io.stdout(`${line}\n`);
    if (problems.length > MAX_FINDINGS_SHOWN) io.stdout(`… ${problems.length - MAX_FINDINGS_SHOWN} more: chancery validate ${args.tei}\n`);
    io.stdout(`validate: ${findings[findings.length - 1]}\n`);

    const t2 = performance.now();
    const reports = await transformEdition([args.tei], { site: args.site, exports: args.exports });
    const written = reports.reduce((n, r) => n + r.written.length, 0);
    const warnings = reports.flatMap((r) => r.diagnostics).filter((d) => d.severity !== 'info').length;
    io.stdout(`transform: ${written} files in ${args.site}/ and ${args.exports}/ (${warnings} warnings) in ${seconds(t2)}\n`);
    return report.summary.errors > 0 ? ExitCode.findings : ExitCode.ok;
  },
});

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

/** SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds; otherwise today. */
function buildDate(epoch: string | undefined): string {
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
