/**
 * Which command a command line names, read as yargs reads it before it knows any command's options: by yargs' own
 * parser (yargs-parser, `yargs/helpers`), with only `--help` and `--version` declared. An option it does not know
 * takes the next word as its value, so `chancery --jobs 2 convert` names convert and `chancery --quiet build` names
 * no command at all (yargs then asks for one). The first word not starting with "-" is not the command: it was "2"
 * in the first example.
 */
import { Parser } from 'yargs/helpers';

/** The command word of `args` (the CLI's arguments without node and the script), or undefined if there is none. */
export function commandNamed(args: readonly string[]): string | undefined {
  const first = Parser([...args], { boolean: ['help', 'version'] })._[0];
  return first === undefined ? undefined : String(first);
}
