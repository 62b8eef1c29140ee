import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { transform, TRANSFORM_TARGETS } from '../../transform/index.js';
import type { TransformTarget } from '../../transform/index.js';

interface TransformArgs {
  paths: string[];
  to?: TransformTarget;
  out: string;
  transform?: string;
  config?: string;
  quiet: boolean;
  json: boolean;
}

/** How many findings the summary prints. */
const SUMMARY_LINES = 20;

/**
 * `chancery transform PATH… --to html|text|cmif|csv|json --out DIR [--transform ./my.js]`: parses, calls
 * {@link transform}, prints. Exit 0 when no error was found, 1 when a finding is an error (a document left
 * out, a broken CMIF rule), 2 for wrong usage or a transform that cannot run.
 */
export const transformCommand: CliCommand<TransformArgs> = {
  command: 'transform <paths..>',
  describe: 'Transform TEI documents into a static HTML edition, plain text, CMIF, CSV or JSON',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'TEI files or folders (searched for .xml)' })
      .option('to', { type: 'string', choices: TRANSFORM_TARGETS as string[], describe: 'output format' })
      .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
      .option('transform', { type: 'string', describe: 'a transform module of your own (see docs/transforms.md)' })
      .option('config', { type: 'string', describe: 'edition config (default chancery.config.json)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print errors only' })
      .option('json', { type: 'boolean', default: false, describe: 'print the summary as JSON' }) as never,
  run: async (args, io) => {
    // checked here rather than with yargs' .check(), whose failure escapes main's handler as a bare string
    if (!args.to && !args.transform) {
      io.stderr('chancery: name an output format with --to (html, text, cmif, csv, json) or a module with --transform\n');
      return ExitCode.usage;
    }
    const report = await transform(args.paths, {
      to: args.to ?? 'html',
      outDir: args.out,
      ...(args.transform ? { transformModule: args.transform } : {}),
      ...(args.config ? { config: args.config } : {}),
    });
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
};
