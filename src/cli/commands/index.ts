import type { CliCommand } from '../command.js';
import { convertCommand } from './convert.js';
import { validateCommand } from './validate.js';
import { transformCommand } from './transform.js';
import { buildCommand } from './build.js';
import { personsCommand } from './persons.js';
import { initCommand } from './init.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [initCommand, convertCommand, validateCommand, transformCommand, buildCommand, personsCommand];
