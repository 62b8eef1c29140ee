import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';

// Placeholder until the validate issue lands; replaced wholesale by that work.
export const validateCommand: CliCommand = {
  command: 'validate',
  describe: '(validate: not yet available)',
  builder: (y) => y as never,
  run: async (_args, io) => {
    io.stderr('chancery: validate is not available in this build\n');
    return ExitCode.usage;
  },
};
