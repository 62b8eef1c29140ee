/**
 * docs/diagnostics.md, made from the table of codes: `npm run docs:diagnostics` writes it, and a test fails when
 * the page and the table disagree, so the page is never edited by hand.
 */
import { allCodes, ConvertCodes, type Area, type CodeInfo } from './codes.js';
import { diagnostic, formatDiagnostic } from './diagnostic.js';

/** The areas in the order of the page, with their headings and the prefixes of their codes. */
const AREAS: readonly { area: Area; title: string }[] = [
  { area: 'convert', title: 'Conversion' },
  { area: 'entities', title: "Entities and the editor's persons file" },
  { area: 'xml', title: 'Reading XML (every stage)' },
  { area: 'validate', title: 'Validation' },
  { area: 'transform', title: 'Transform' },
  { area: 'edition', title: 'The edition on disk' },
  { area: 'io', title: 'Files and paths' },
];

/** A finding as the command line prints it. */
const SAMPLE = formatDiagnostic(
  diagnostic(ConvertCodes.undatedLetter, { kind: 'telegram', title: 'PERSONAL AND SECRET MESSAGE FROM PREMIER J. V. STALIN TO THE PRESIDENT' }, { file: 'sources/volume.txt', line: 1310, column: 1 }),
);

const INTRO = `# Diagnostic codes

<!-- Generated from src/diagnostics/codes.ts by \`npm run docs:diagnostics\`: edit the table, not this page. -->

Everything Chancery reports has a code, a severity and a message, and a finding also the place it is about:

\`\`\`
${SAMPLE}
\`\`\`

Codes are stable: baselines and CI suppressions (docs/ci.md) name them, so a code is never given another meaning;
one no longer reported stays here, marked retired. The severity below is the one a code is reported at; a
Schematron rule's \`role\` and a libxml2 warning may lower it.

- **finding**: reported, and the run goes on; \`validate\`, \`transform\` and \`build\` exit 1 when errors are among
  them.
- **error (stops)**: the operation cannot go on and throws a \`ChanceryError\` that carries the code (\`error.code\`). The
  command line prints its message on one line and writes nothing half-way; it exits 3 for an input of \`convert\` or
  \`build\` (the other inputs are still converted), 2 otherwise.

Programs read the same table: \`import { DIAGNOSTIC_CODES, allCodes, codeInfo, ConvertCodes } from 'chancery'\`.
`;

/** How the page names the two kinds (see the introduction). */
const KIND: Record<CodeInfo['kind'], string> = { finding: 'finding', error: 'error (stops)' };

/** `|` and line ends would break a table row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A message as inline code: a fence longer than any run of backticks in it. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function entry(info: CodeInfo): string {
  const lines = [`### ${info.code}`, '', `\`${info.name}\` · ${info.severity} · ${KIND[info.kind]}${info.retired ? ' · **retired**' : ''}`, ''];
  if (info.retired) lines.push(`Retired: ${info.retired}.`, '');
  lines.push(info.meaning, '');
  if (!info.retired) lines.push(`**How to fix it:** ${info.fix}`, '');
  lines.push(info.examples.length === 1 ? `Example: ${code(info.examples[0]!)}` : 'Examples:', '');
  if (info.examples.length > 1) lines.push(...info.examples.map((m) => `- ${code(m)}`), '');
  return lines.join('\n');
}

/** The whole of docs/diagnostics.md. */
export function diagnosticsReference(): string {
  const codes = allCodes();
  const parts = [INTRO];
  parts.push('| code | severity | reported as | meaning |', '| --- | --- | --- | --- |');
  for (const { area } of AREAS) {
    for (const info of codes.filter((c) => c.area === area)) {
      parts.push(`| [${info.code}](#${info.code.toLowerCase()}) | ${info.severity} | ${KIND[info.kind]}${info.retired ? ' (retired)' : ''} | ${cell(info.meaning)} |`);
    }
  }
  parts.push('');
  for (const { area, title } of AREAS) {
    parts.push(`## ${title}`, '');
    for (const info of codes.filter((c) => c.area === area)) parts.push(entry(info));
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
