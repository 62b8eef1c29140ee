import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';
import { startProgress } from '../progress.js';
import { convertFiles } from '../../convert/files.js';
import { PersonRegistry } from '../../convert/entities/personography.js';
import { countBySeverity } from '../../diagnostics/diagnostic.js';

interface BuildArgs {
  sources: string;
  tei: string;
  quiet: boolean;
}

/** `npm start`: sources/ → tei/ → validation → derivatives. */
export const buildCommand: CliCommand<BuildArgs> = {
  command: 'build',
  describe: 'Build the whole edition: convert sources/, validate tei/, write site/ and exports/',
  builder: (y) =>
    y
      .option('sources', { type: 'string', default: 'sources', describe: 'folder of raw texts (*.txt)' })
      .option('tei', { type: 'string', default: 'tei', describe: 'folder of the TEI edition' })
      .option('quiet', { type: 'boolean', default: false }) as never,
  run: async (args, io) => {
    const inputs = readdirSync(args.sources)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(args.sources, f));
    const progress = startProgress(io, 'convert', args.quiet);
    const t0 = performance.now();
    // One registry for the whole edition, seeded from the last build so person ids never change.
    const persons = PersonRegistry.load(args.tei, args.sources);
    const result = convertFiles(inputs, { outDir: args.tei, persons, onFile: (_f, d, t) => progress.update(d, t) });
    progress.stop();
    persons.write(args.tei);
    const documents = result.files.reduce((n, f) => n + f.documents.length, 0);
    const counts = countBySeverity(result.diagnostics);
    io.stdout(`convert: ${inputs.length} sources → ${documents} TEI documents in ${args.tei}/ (${counts.warning} warnings) in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
    const failed = result.files.filter((f) => f.error);
    for (const f of failed) io.stderr(`chancery: ${f.error!.message}\n`);
    return failed.length > 0 ? ExitCode.input : ExitCode.ok;
  },
};
