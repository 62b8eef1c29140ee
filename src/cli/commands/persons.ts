import { join, relative, resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { folderProblem } from '../checks.js';
import { countBySeverity, formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';

/** How many documents a line names before "and N more". */
const DOCS_SHOWN = 4;

/**
 * `chancery persons [--tei DIR] [--check] [--review] [--json]`: the personography with mention counts and the documents
 * that name each person, and the correspondents still without an authority id. Its findings (a persName/@ref that
 * points at no person, a file not read) print as validate's text report prints them, `file:line:column: severity:
 * message [CODE]`, on stderr (stdout is the list, or JSON); `--check` exits 1 when one is an error, as validate
 * does; a missing folder is a usage error (exit 2).
 */
export const personsCommand = defineCommand({
  command: 'persons',
  usage: 'chancery persons [--tei DIR] [--check] [--review] [--json]',
  describe: 'List the personography with mention counts and documents; --check fails on persName refs that do not resolve',
  builder: (y) =>
    y
      .option('tei', { type: 'string', requiresArg: true, default: 'tei', describe: 'folder of the TEI edition (with persons.xml)' })
      .option('check', { type: 'boolean', default: false, describe: 'exit 1 when a persName/@ref does not resolve' })
      .option('review', { type: 'boolean', default: false, describe: 'print what an editor should check: similar spellings, persons kept apart, guessed bare surnames, merges with their rule' })
      .option('json', { type: 'boolean', default: false, describe: 'print the index (or the review list) as JSON' }),
  check: (args, io) => folderProblem(args.tei, '--tei', io.cwd, false),
  run: async (args, io) => {
    if (args.review) {
      const { formatPersonReview, readPersonReview, PERSON_REVIEW } = await import('../../edition/index.js');
      const review = readPersonReview(resolve(io.cwd, args.tei));
      if (!review) {
        io.stderr(`chancery: ${args.tei}/${PERSON_REVIEW} not found: convert or build the edition first\n`);
        return ExitCode.usage;
      }
      io.stdout(args.json ? `${JSON.stringify(review, null, 1)}\n` : formatPersonReview(review));
      return ExitCode.ok;
    }
    const { indexPersons } = await import('../../edition/index.js');
    const teiDir = resolve(io.cwd, args.tei);
    const index = indexPersons(teiDir);
    // places as the user named the folder (`tei/a/000.xml`, as `validate tei` names it), not absolute
    const shown = (file: string): string => join(args.tei, relative(teiDir, file));
    const findings = index.diagnostics.map((d): Diagnostic => (d.span ? { ...d, span: { ...d.span, file: shown(d.span.file) } } : d));
    if (args.json) {
      io.stdout(`${JSON.stringify({ ...index, diagnostics: findings }, null, 1)}\n`);
    } else {
      const persons = [...index.persons].sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
      const idWidth = Math.max(2, ...persons.map((p) => p.id.length));
      for (const p of persons) {
        const docs = p.documents.slice(0, DOCS_SHOWN).join(', ') + (p.documents.length > DOCS_SHOWN ? `, and ${p.documents.length - DOCS_SHOWN} more` : '');
        io.stdout(`${p.id.padEnd(idWidth)}  ${String(p.mentions).padStart(5)}  ${p.name}${docs ? `  (${docs})` : ''}\n`);
      }
      const without = persons.filter((p) => p.correspondent && p.authority.length === 0);
      io.stdout(`${persons.length} persons, ${persons.reduce((n, p) => n + p.mentions, 0)} mentions in ${index.documents} documents\n`);
      if (without.length > 0) io.stdout(`correspondents without an authority id (wikidata/viaf): ${without.map((p) => p.id).join(', ')}\n`);
    }
    for (const d of findings) io.stderr(`${formatDiagnostic(d)}\n`);
    if (!args.check) return ExitCode.ok;
    const counts = countBySeverity(findings);
    const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
    io.stderr(
      counts.error > 0
        ? `persons --check: ${plural(index.unresolved.length, 'unresolved persName reference')}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}\n`
        : `persons --check: every persName reference resolves; ${plural(counts.warning, 'warning')}\n`,
    );
    return counts.error > 0 ? ExitCode.findings : ExitCode.ok;
  },
});
