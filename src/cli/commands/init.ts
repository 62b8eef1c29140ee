import { defineCommand, ExitCode } from '../command.js';
import { folderProblem } from '../checks.js';

/** `chancery init [DIR]`: a new edition project, with what to do next. */
export const initCommand = defineCommand({
  command: 'init [dir]',
  describe: 'Start an edition: sources/, a commented chancery.config.json, sources/persons.json and a CI workflow',
  usage: 'chancery init [DIR]',
  builder: (y) => y.positional('dir', { type: 'string', default: '.', describe: 'the project folder (created when missing)' }),
  check: (args, io) => folderProblem(args.dir, 'the project folder', io.cwd, true),
  run: async (args, io) => {
    const { initProject } = await import('../../build/index.js');
    const { resolve } = await import('node:path');
    // the one place the clock is read: the edition's first date, written into the config for the editor to change
    const report = initProject(resolve(io.cwd, args.dir), new Date().toISOString().slice(0, 10));
    for (const f of report.created) io.stdout(`created ${f}\n`);
    for (const f of report.kept) io.stdout(`kept ${f} (already there)\n`);
    io.stdout(
      'next: put your texts in sources/ (one .txt file per source), then\n' +
        '  npx chancery build            # sources/ → tei/ → validation → site/ and exports/\n' +
        'or convert once and edit the TEI by hand from then on:\n' +
        '  npx chancery convert sources/*.txt --out tei && npx chancery validate tei\n',
    );
    return ExitCode.ok;
  },
});
