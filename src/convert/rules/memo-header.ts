/**
 * Memo and telegram-form headers: a kind line ("TELEGRAM No. 1234", "MEMORANDUM") and labelled lines ("From: …",
 * "To: …", "Date: …", "Subject: …", "Cc: …"), as office forms and e-mail print them. They are the document's
 * header, not its title: sender, addressees, date and subject are read from them.
 */

/** What each line of a memo header is. */
export type MemoField = 'kind' | 'from' | 'to' | 'date' | 'subject' | 'copy' | 'reference';

export interface MemoHeaderLine {
  field: MemoField;
  /** The label as printed ("From:"), empty for the kind line. */
  label: string;
  /** What follows the label. */
  value: string;
}

export interface MemoHeader {
  /** "telegram", "memorandum", "minute", "note", "letter", "cable", "message" from the kind line, if any. */
  kind?: string;
  /** The number printed on the kind line ("No. 1234"). */
  number?: string;
  lines: MemoHeaderLine[];
}

const LABELS: readonly [RegExp, MemoField][] = [
  [/^(from|sender|sent by)\s*:/i, 'from'],
  [/^(to|addressee|for)\s*:/i, 'to'],
  [/^(date|dated|sent|time)\s*:/i, 'date'],
  [/^(subject|subj\.?|re|concerning)\s*:/i, 'subject'],
  [/^(cc|c\.c\.|copy to|copies to|copies|info)\s*:/i, 'copy'],
  [/^(ref|reference|your ref\.?|our ref\.?|file|no\.)\s*:/i, 'reference'],
];

const KIND_LINE = /^\**\s*(TELEGRAM|MEMORANDUM|MINUTE|NOTE|LETTER|CABLE|CABLEGRAM|MESSAGE|TELEX|SAVINGRAM|DESPATCH)(?:\s+(?:No\.?|Number|Nr\.?)\s*([\w./-]+))?\.?\s*\**$/i;

/**
 * Reads consecutive lines as a memo header: an optional kind line, then at least two labelled lines, one of them
 * From, To or Date. Reading stops at the first line that is neither; `lines` holds what was read (its length says
 * how many lines the header took). Undefined when the lines do not open with such a header.
 */
export function readMemoHeader(lines: readonly string[]): MemoHeader | undefined {
  const out: MemoHeader = { lines: [] };
  for (const raw of lines) {
    const line = raw.replace(/\*+/g, '').trim();
    if (!line) continue;
    const kind = out.lines.length === 0 ? KIND_LINE.exec(line) : null;
    if (kind) {
      out.kind = kind[1]!.toLowerCase().replace(/^cablegram$/, 'telegram').replace(/^cable$/, 'telegram');
      if (kind[2]) out.number = kind[2];
      out.lines.push({ field: 'kind', label: '', value: line });
      continue;
    }
    const labelled = LABELS.find(([re]) => re.test(line));
    if (!labelled) break;
    const label = labelled[0].exec(line)![0];
    const value = line.slice(label.length).trim();
    if (!value) break;
    out.lines.push({ field: labelled[1], label, value });
  }
  const fields = out.lines.filter((l) => l.field !== 'kind');
  if (fields.length < 2 || !fields.some((l) => l.field === 'from' || l.field === 'to' || l.field === 'date')) return undefined;
  return out;
}

/** The names in a From/To value: "Mr. Eden, Foreign Office" → one; "Hopkins; Harriman" → two. */
export function namesOfField(value: string): string[] {
  return value
    .split(/\s*;\s*|\s+and\s+|\s*&\s*/)
    .map((v) => v.trim().replace(/[.,]$/, ''))
    .filter(Boolean);
}
