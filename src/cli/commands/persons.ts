import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';

// Placeholder until the persons issue lands; replaced wholesale by that work.
export const personsCommand: CliCommand = {
  command: 'persons',
  describe: '(persons: not yet available)',
  builder: (y) => y as never,
  run: async (_args, io) => {
    io.stderr('chancery: persons is not available in this build\n');
    return ExitCode.usage;
  },
};
