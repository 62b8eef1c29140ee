import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { missingPath, outputFileProblem, positiveNumber } from '../checks.js';
import { UsageError, type Diagnostic } from '../../diagnostics/index.js';
import { errorLine, writeOutputFile } from '../error-lines.js';
import type { ValidateOptions } from '../../validate/index.js';

const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;

/**
 * `chancery validate PATH…`: every library option has a flag (`cwd` comes from the shell). Exit 0 when
 * all files are valid, 1 on any error finding, 2 on usage or I/O errors (a baseline that cannot be written: one line, the report printed all the same).
 */
export const validateCommand = defineCommand({
  command: 'validate <paths..>',
  describe: 'Validate TEI files and folders: well-formedness, RELAX NG or XSD, Schematron, references across files',
  usage: 'chancery validate PATH… [--schema FILE.rng|FILE.xsd] [--schematron FILE.sch] [--format text|json|junit|sarif|github] [--changed BASE] [--allow-empty]',
  missingOperands: 'name at least one TEI file or folder to validate (e.g. chancery validate tei)',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'files or folders (*.xml, recursively)' })
      .option('schema', { type: 'string', requiresArg: true, describe: "RELAX NG (.rng) or XSD (.xsd) schema [default: Chancery's schema/chancery.rng]" })
      .option('schematron', { type: 'string', requiresArg: true, describe: "Schematron rules [default: Chancery's schema/chancery.sch when no --schema]" })
      .option('format', { choices: REPORT_FORMATS, requiresArg: true, default: 'text' as const, describe: 'report format' })
      .option('jobs', { type: 'number', requiresArg: true, describe: 'threads checking files side by side [default: one per 64 files, at most the cores with Schematron, one fewer without]' })
      .option('shard', { type: 'string', requiresArg: true, describe: 'validate only shard I of N (I/N), for CI matrices' })
      .option('changed', { type: 'string', describe: 'only files changed since BASE (git ref; default origin/HEAD), plus files referencing them' })
      .option('allow-empty', { type: 'boolean', default: false, describe: 'exit 0 when the paths hold no .xml file (otherwise a usage error)' })
      .option('baseline', { type: 'string', requiresArg: true, describe: 'JSON file of accepted findings: created when missing, then only new findings fail' })
      .option('update-baseline', { type: 'boolean', default: false, describe: 'rewrite --baseline FILE with today’s findings' })
      .option('references', { type: 'boolean', default: true, describe: 'check references across files (--no-references to skip)' })
      .option('ids', { type: 'boolean', default: true, describe: 'check IDs and IDREFs where the RELAX NG schema types them (--no-ids: like jing -i)' })
      .option('xinclude', { type: 'boolean', default: false, describe: 'process XInclude (xi:include) before validating' })
      .option('max-size', { type: 'number', requiresArg: true, describe: 'refuse files above this many MB [default: 64]' })
      .option('max-depth', { type: 'number', requiresArg: true, describe: 'refuse files whose elements nest deeper [default: 1000]' }),
  check: (args, io) => {
    const problem =
      missingPath(args.paths, io.cwd) ??
      (args.schema !== undefined ? missingPath([args.schema], io.cwd)?.replace('no such', '--schema: no such') : undefined) ??
      (args.schematron !== undefined ? missingPath([args.schematron], io.cwd)?.replace('no such', '--schematron: no such') : undefined) ??
      positiveNumber(args.maxSize, '--max-size') ??
      (args.maxDepth !== undefined && !(Number.isInteger(args.maxDepth) && args.maxDepth >= 1) ? '--max-depth takes a whole number ≥ 1' : undefined) ??
      (args.jobs !== undefined && !(Number.isInteger(args.jobs) && args.jobs >= 1) ? '--jobs takes a whole number ≥ 1' : undefined) ??
      (args.shard !== undefined && !/^\s*\d+\/\d+\s*$/.test(args.shard) ? `--shard takes I/N (e.g. 2/4), not "${args.shard}"` : undefined) ??
      (args.changed !== undefined && args.changed.startsWith('-') ? `--changed takes a git ref (a branch, tag or commit), not "${args.changed}"` : undefined) ??
      (args.updateBaseline && !args.baseline ? '--update-baseline needs --baseline FILE' : undefined) ??
      (args.baseline !== undefined ? outputFileProblem(args.baseline, '--baseline', io.cwd) : undefined);
    if (problem || args.baseline === undefined) return problem;
    const baseline = resolve(io.cwd, args.baseline);
    if (args.paths.some((p) => resolve(io.cwd, p) === baseline) || /\.xml$/i.test(baseline)) {
      return `--baseline ${args.baseline} would overwrite a TEI file: name a .json file`;
    }
    return undefined;
  },
  run: async (args, io) => {
    const { applyBaseline, formatReport, makeBaseline, parseBaseline, parseShard, validate, ValidateCodes } = await import('../../validate/index.js');
    const options: ValidateOptions = {
      schema: args.schema,
      schematron: args.schematron,
      jobs: args.jobs,
      references: args.references,
      ids: args.ids,
      xinclude: args.xinclude,
      allowEmpty: args.allowEmpty,
      cwd: io.cwd,
    };
    if (args.shard !== undefined) options.shard = parseShard(args.shard);
    if (args.changed !== undefined) options.changed = args.changed === '' ? true : args.changed;
    if (args.maxSize !== undefined) options.maxFileBytes = Math.round(args.maxSize * 1048576);
    if (args.maxDepth !== undefined) options.maxDepth = args.maxDepth;

    let report = await validate(args.paths, options);
    let baselineFailure: Diagnostic | undefined;
    if (args.baseline) {
      const path = resolve(io.cwd, args.baseline);
      if (args.updateBaseline || !existsSync(path)) {
        baselineFailure = writeOutputFile(path, JSON.stringify(makeBaseline(report), null, 1) + '\n');
        // not recorded, nothing is suppressed: the findings are printed as they are
        if (baselineFailure) io.stderr(`${errorLine('validate', baselineFailure)}\n`);
        else {
          io.stderr(`chancery: recorded ${report.summary.errors + report.summary.warnings} findings in ${args.baseline}\n`);
          report = applyBaseline(report, makeBaseline(report));
        }
      } else {
        const baseline = parseBaseline(readFileSync(path, 'utf8'));
        if (!baseline) throw UsageError.of(ValidateCodes.usage, { problem: `${args.baseline} is not a chancery baseline file (delete it, or name another with --baseline)` });
        report = applyBaseline(report, baseline);
      }
    }
    io.stdout(formatReport(report, args.format));
    return baselineFailure ? ExitCode.usage : report.summary.invalid > 0 ? ExitCode.findings : ExitCode.ok;
  },
});
