import { resolve } from 'node:path';
import { defineCommand, ExitCode } from '../command.js';
import { folderProblem } from '../checks.js';
import { printable, reportMessage } from '../../diagnostics/index.js';

/** How many documents a line names before "and N more". */
const DOCS_SHOWN = 4;

/**
 * `chancery persons [--tei DIR] [--check] [--review] [--json]`: the personography with mention counts and the documents
 * that name each person, and the correspondents still without an authority id. `--check` exits 1 when a
 * persName/@ref points at no person of persons.xml; a missing folder is a usage error (exit 2).
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
    const index = indexPersons(resolve(io.cwd, args.tei));
    if (args.json) {
      io.stdout(`${JSON.stringify(index, null, 1)}\n`);
    } else {
      if (!index.hasPersonography) io.stderr(`chancery: ${args.tei}/persons.xml not found: every reference is unresolved\n`);
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
    // names and texts come from the documents: printable, one line each (src/diagnostics/printable.ts)
    for (const f of index.unread) io.stderr(`${printable(f.file)}: not read: ${reportMessage(f.message)}\n`);
    for (const u of index.unresolved) {
      io.stderr(`${printable(u.file)}:${u.line}: persName ref "${reportMessage(u.ref, 200)}" (${reportMessage(u.text, 200)}) does not resolve to a person of persons.xml: ${reportMessage(u.reason)}\n`);
    }
    if (args.check) {
      if (index.unresolved.length > 0) {
        io.stderr(`persons --check: ${index.unresolved.length} unresolved persName reference(s)\n`);
        return ExitCode.findings;
      }
      io.stderr('persons --check: every persName reference resolves\n');
    }
    return ExitCode.ok;
  },
});
