import type { CliCommand } from '../command.js';
import { ExitCode } from '../command.js';

// Placeholder until the transform issue lands; replaced wholesale by that work.
export const transformCommand: CliCommand = {
  command: 'transform',
  describe: '(transform: not yet available)',
  builder: (y) => y as never,
  run: async (_args, io) => {
    io.stderr('chancery: transform is not available in this build\n');
    return ExitCode.usage;
  },
};
