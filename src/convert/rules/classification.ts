/**
 * Security classifications ("SECRET", "Personal and Secret", "MOST SECRET AND PERSONAL"), alone on a line
 * or opening a heading.
 */
const WORD = String.raw`(?:PERSONAL|SECRET|MOST\s+SECRET|TOP\s+SECRET|STRICTLY\s+(?:PERSONAL|CONFIDENTIAL|SECRET)|CONFIDENTIAL|PRIVATE|RESTRICTED|URGENT|IMMEDIATE|COPY\.?)`;
const CLASSIFICATION = String.raw`${WORD}(?:(?:\s*,\s*|\s+AND\s+|\.?\s+)${WORD})*`;

const WHOLE_LINE = new RegExp(String.raw`^${CLASSIFICATION}\.?$`, 'i');
const HEADING_PREFIX = new RegExp(String.raw`^(${CLASSIFICATION})(?=\s|$)`);

/** True when the whole text is a classification. */
export function isClassification(text: string): boolean {
  const t = text.replace(/\*+/g, '').trim();
  return WHOLE_LINE.test(t) && /secret|confidential|personal|private|restricted/i.test(t);
}

/**
 * The classification that opens a capitalised heading ("PERSONAL AND SECRET MESSAGE FROM …"), or
 * undefined. Only capitals count here: "Personal message" in running text is not a classification.
 */
export function headingClassification(text: string): string | undefined {
  const m = HEADING_PREFIX.exec(text);
  if (!m) return undefined;
  const c = m[1]!.trim();
  return /SECRET|CONFIDENTIAL|PERSONAL|PRIVATE|RESTRICTED/.test(c) ? c : undefined;
}
