/**
 * yargs' validation messages, rewritten as one line that names the problem in the user's terms
 * (`unknown option --ouT (did you mean --out?)`), for the one place that prints usage errors (main.ts).
 */

/**
 * One line for a yargs failure message. `known` are the options the command accepts (without dashes), for a
 * suggestion when an option is misspelt; `missingPositional` what to say when the command's operands are missing.
 */
export function usageMessage(message: string, known: readonly string[], missingPositional: string | undefined): string {
  const unknown = /^Unknown arguments?: (.+)$/s.exec(message);
  if (unknown) {
    const names = unknown[1]!.split(/,\s*/).map((n) => n.trim());
    return names.map((n) => describeUnknown(n, known)).join('; ');
  }
  const missing = /^Missing required arguments?: (.+)$/s.exec(message);
  if (missing) return `${missing[1]!.split(/,\s*/).map((n) => `--${n.trim()}`).join(', ')} is required`;
  if (/^Not enough non-option arguments/.test(message) && missingPositional) return missingPositional;
  const valueless = /^Not enough arguments following: (\S+)$/.exec(message);
  if (valueless) return `--${valueless[1]} needs a value`;
  const invalid = /Argument: (\S+), Given: (.+?), Choices: (.+)$/s.exec(message);
  if (invalid) return `--${invalid[1]} ${invalid[2]} is not one of: ${invalid[3]!.replace(/"/g, '')}`;
  return message.replace(/\s+/g, ' ').trim();
}

function describeUnknown(name: string, known: readonly string[]): string {
  const option = `--${name}`;
  const guess = closest(name, known);
  return `unknown option ${option}${guess ? ` (did you mean --${guess}?)` : ''}`;
}

/** The known name within two edits of `name` (case ignored), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best === undefined)) {
      best = d < 3 ? k : best;
      bestDistance = d;
    }
  }
  // a prefix is a likelier meaning than an edit: --output, --outdir → --out
  return best ?? known.find((k) => name.toLowerCase().startsWith(k.toLowerCase()) && k.length >= 2);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
