import { defineCommand, ExitCode } from '../command.js';
import { missingPath, outputProblem } from '../checks.js';
import { awaitStoppable } from '../stoppable.js';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/index.js';

/** The built-in targets (the transform library's TRANSFORM_TARGETS; a test keeps the two equal). */
const TARGETS = ['html', 'text', 'cmif', 'csv', 'json'] as const;

/** How many findings the summary prints. */
const SUMMARY_LINES = 20;

/**
 * `chancery transform PATH… --to html|text|cmif|csv|json --out DIR [--transform ./my.js]`: parses, calls
 * `transform`, prints. Exit 0 when no error was found, 1 when a finding is an error (a document left
 * out, a broken CMIF rule), 2 for wrong usage or a transform that cannot run.
 */
export const transformCommand = defineCommand({
  command: 'transform <paths..>',
  describe: 'Transform TEI documents into a static HTML edition, plain text, CMIF, CSV or JSON',
  usage: 'chancery transform PATH… --to html|text|cmif|csv|json --out DIR [--transform ./my-transform.js] [--config FILE]',
  missingOperands: 'name the TEI files or folders to transform (e.g. chancery transform tei --to html --out site)',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'TEI files or folders (searched for .xml)' })
      .option('to', { choices: TARGETS, requiresArg: true, describe: 'output format' })
      .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'output folder' })
      .option('transform', { type: 'string', requiresArg: true, describe: 'a transform module of your own (see docs/transforms.md)' })
      .option('config', { type: 'string', requiresArg: true, describe: 'edition config (default chancery.config.json)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print errors only' })
      .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON' }),
  check: (args, io) =>
    missingPath(args.paths, io.cwd) ??
    (!args.to && !args.transform ? 'name an output format with --to (html, text, cmif, csv, json) or a module with --transform' : undefined) ??
    outputProblem(args.out, '--out', args.paths, io.cwd) ??
    (args.transform !== undefined ? missingPath([args.transform], io.cwd)?.replace('no such', '--transform: no such') : undefined) ??
    (args.config !== undefined ? missingPath([args.config], io.cwd)?.replace('no such', '--config: no such') : undefined),
  run: async (args, io) => {
    // In a worker thread, which a signal can stop (src/build/stoppable): a large document is rendered in long
    // synchronous stretches, which on this thread kept a Ctrl-C waiting for seconds.
    const { transformInWorker } = await import('../../build/stoppable/index.js');
    const run = transformInWorker(args.paths, {
      to: args.to ?? 'html',
      outDir: args.out,
      ...(args.transform ? { transformModule: args.transform } : {}),
      ...(args.config ? { config: args.config } : {}),
      ...(io.env?.SOURCE_DATE_EPOCH ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
      cwd: io.cwd,
    });
    const report = await awaitStoppable(io, run);
    const counts = countBySeverity(report.diagnostics);
    const target = args.transform ?? args.to;
    if (args.json) {
      io.stdout(JSON.stringify({ to: target, documents: report.documents, files: report.written.length, errors: counts.error, warnings: counts.warning, info: counts.info, ms: Math.round(report.ms), diagnostics: report.diagnostics }) + '\n');
    } else {
      const shown = report.diagnostics.filter((d) => d.severity === 'error' || (!args.quiet && d.severity === 'warning'));
      for (const d of shown.slice(0, SUMMARY_LINES)) io.stderr(formatDiagnostic(d) + '\n');
      if (shown.length > SUMMARY_LINES) io.stderr(`… ${shown.length - SUMMARY_LINES} more (use --json for all)\n`);
      if (!args.quiet) {
        io.stdout(
          `${target}: ${report.documents} documents → ${report.written.length} files in ${args.out}/ ` +
            `(${counts.error} errors, ${counts.warning} warnings) in ${(report.ms / 1000).toFixed(2)} s\n`,
        );
      }
    }
    return counts.error > 0 ? ExitCode.findings : ExitCode.ok;
  },
});
