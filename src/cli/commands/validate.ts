import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';
import { writeFileAtomic } from '../io.js';
import { UsageError } from '../../diagnostics/diagnostic.js';
import {
  applyBaseline,
  formatReport,
  makeBaseline,
  parseBaseline,
  parseShard,
  REPORT_FORMATS,
  validate,
  ValidateCodes,
  type ReportFormat,
  type ValidateOptions,
} from '../../validate/index.js';

interface ValidateArgs {
  paths: string[];
  schema?: string;
  schematron?: string;
  format: ReportFormat;
  jobs?: number;
  shard?: string;
  changed?: string;
  baseline?: string;
  updateBaseline: boolean;
  references: boolean;
  maxSize?: number;
  engine?: 'auto' | 'chancery' | 'libxml2';
}

/**
 * `chancery validate PATH…`: every library option has a flag (`cwd` comes from the shell). Exit 0 when
 * all files are valid, 1 on any error finding, 2 on usage or I/O errors.
 */
export const validateCommand: CliCommand<ValidateArgs> = {
  command: 'validate <paths..>',
  describe: 'Validate TEI files and folders: well-formedness, RELAX NG or XSD, Schematron, references across files',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders (*.xml, recursively)' })
      .option('schema', { type: 'string', describe: 'RELAX NG (.rng) or XSD (.xsd) schema [default: schema/chancery.rng]' })
      .option('schematron', { type: 'string', describe: 'Schematron rules [default: schema/chancery.sch when no --schema]' })
      .option('format', { choices: REPORT_FORMATS, default: 'text' as const, describe: 'report format' })
      .option('jobs', { type: 'number', describe: 'worker threads [default: 2 for Schematron runs of 400+ files, else 1]' })
      .option('shard', { type: 'string', describe: 'validate only shard I of N (I/N), for CI matrices' })
      .option('changed', { type: 'string', describe: 'only files changed since BASE (git ref; default origin/HEAD), plus files referencing them' })
      .option('baseline', { type: 'string', describe: 'JSON file of accepted findings: created when missing, then only new findings fail' })
      .option('update-baseline', { type: 'boolean', default: false, describe: 'rewrite --baseline FILE with today’s findings' })
      .option('references', { type: 'boolean', default: true, describe: 'check references across files (--no-references to skip)' })
      .option('engine', { choices: ['auto', 'chancery', 'libxml2'] as const, describe: 'RELAX NG engine [default: auto, ours when it supports the schema]' })
      .option('max-size', { type: 'number', describe: 'refuse files above this many MB [default: 64]' }) as never,
  run: async (args, io) => {
    const options: ValidateOptions = {
      schema: args.schema,
      schematron: args.schematron,
      jobs: args.jobs,
      references: args.references,
      engine: args.engine,
      cwd: io.cwd,
    };
    if (args.shard !== undefined) options.shard = parseShard(args.shard);
    if (args.changed !== undefined) options.changed = args.changed === '' ? true : args.changed;
    if (args.maxSize !== undefined) {
      if (!(args.maxSize > 0)) throw new UsageError(ValidateCodes.usage, `--max-size takes a number of MB above 0, not ${args.maxSize}`);
      options.maxFileBytes = Math.round(args.maxSize * 1048576);
    }
    if (args.updateBaseline && !args.baseline) throw new UsageError(ValidateCodes.usage, '--update-baseline needs --baseline FILE');

    let report = await validate(args.paths, options);
    if (args.baseline) {
      const path = resolve(io.cwd, args.baseline);
      if (args.updateBaseline || !existsSync(path)) {
        writeFileAtomic(path, JSON.stringify(makeBaseline(report), null, 1) + '\n');
        io.stderr(`chancery: recorded ${report.summary.errors + report.summary.warnings} findings in ${args.baseline}\n`);
        report = applyBaseline(report, makeBaseline(report));
      } else {
        const baseline = parseBaseline(readFileSync(path, 'utf8'));
        if (!baseline) throw new UsageError(ValidateCodes.usage, `${args.baseline} is not a chancery baseline file`);
        report = applyBaseline(report, baseline);
      }
    }
    io.stdout(formatReport(report, args.format));
    return report.summary.invalid > 0 ? ExitCode.findings : ExitCode.ok;
  },
};
