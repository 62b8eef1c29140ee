/**
 * Our own check of the CMIF rules on an export. The official `cmif.sch` tests four of them; this checks
 * every rule the edition's exports must meet, and says which correspondents lack authority ids (a
 * warning, since correspSearch can then only match them by name). Returns every finding, never throws.
 */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { TransformCodes } from '../codes.js';
import { child, childElements, descendants, parseTei, path, textOf } from '../tei-tree.js';
import type { TeiElement } from '../tei-tree.js';

const DATE_ATTRS = new Set(['when', 'from', 'to', 'notBefore', 'notAfter']);
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ACTION_CHILDREN = new Set(['persName', 'orgName', 'placeName', 'date']);
const AUTHORITY = [
  /^https?:\/\/viaf\.org\/viaf\/\d+$/,
  /^https?:\/\/d-nb\.info\/gnd\/[\dX-]+$/,
  /^https?:\/\/www\.wikidata\.org\/entity\/Q\d+$/,
];
const GEONAMES = /^https?:\/\/(www\.|sws\.)?geonames\.org\/\d+(\/.*)?$/;
const URL = /^https?:\/\/[^\s/]+\.[^\s]*$/;
const LICENCE = /^https?:\/\/creativecommons\.org\/licenses\/by\/4\.0\/?(legalcode)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Checks a CMIF file's text; `file` names it in the findings' spans. */
export function checkCmif(xml: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: string, severity: Severity, message: string, el?: TeiElement): void => {
    out.push({ code, severity, message, span: { file, line: el?.line ?? 1, column: el?.column ?? 1 } });
  };
  const parsed = parseTei(xml, file);
  if (!parsed.root) {
    for (const d of parsed.diagnostics) out.push({ ...d, code: TransformCodes.cmifNotTei });
    return out;
  }
  const tei = parsed.root;
  if (tei.name !== 'TEI' || tei.attrs.xmlns !== 'http://www.tei-c.org/ns/1.0') {
    report(TransformCodes.cmifNotTei, 'error', 'the root must be <TEI> in the TEI namespace', tei);
    return out;
  }
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const pub = child(fileDesc, 'publicationStmt');

  // header
  if (!textOf(child(titleStmt, 'title'))) report(TransformCodes.cmifHeader, 'error', 'titleStmt needs a <title>', titleStmt ?? tei);
  const editors = titleStmt ? childElements(titleStmt, 'editor') : [];
  if (editors.length === 0) report(TransformCodes.cmifHeader, 'error', 'titleStmt needs an <editor>', titleStmt ?? tei);
  for (const ed of editors) {
    const email = textOf(child(ed, 'email'));
    const name = ed.children.filter((c) => c.type === 'text').map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
    if (!name) report(TransformCodes.cmifHeader, 'error', '<editor> needs a name', ed);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) report(TransformCodes.cmifHeader, 'error', '<editor> needs an <email> address', ed);
  }
  if (!textOf(child(pub, 'publisher'))) report(TransformCodes.cmifHeader, 'error', 'publicationStmt needs a <publisher>', pub ?? tei);
  const idno = pub ? childElements(pub, 'idno').find((i) => i.attrs.type === 'url') : undefined;
  if (!idno || !URL.test(textOf(idno))) report(TransformCodes.cmifHeader, 'error', 'publicationStmt needs <idno type="url"> with the URL of this file', idno ?? pub ?? tei);
  else if (/\.invalid\//.test(textOf(idno))) {
    report(TransformCodes.cmifPlaceholderUrl, 'info', `the CMIF URL ${textOf(idno)} is a placeholder: set baseUrl in chancery.config.json before publishing`, idno);
  }
  const date = child(pub, 'date');
  if (!date || !TIMESTAMP.test(date.attrs.when ?? '')) report(TransformCodes.cmifHeader, 'error', 'publicationStmt needs <date when> with a timestamp', date ?? pub ?? tei);
  const licence = path(pub, 'availability/licence');
  if (!licence || !LICENCE.test(licence.attrs.target ?? '')) {
    report(TransformCodes.cmifHeader, 'error', `availability needs <licence target="https://creativecommons.org/licenses/by/4.0/"> (CC-BY 4.0)`, licence ?? pub ?? tei);
  }

  // sources
  const biblIds = new Set<string>();
  for (const b of descendants(child(fileDesc, 'sourceDesc') ?? tei, 'bibl')) {
    const id = b.attrs['xml:id'];
    if (!id) report(TransformCodes.cmifBibl, 'error', 'every <bibl> in sourceDesc needs an xml:id', b);
    else biblIds.add(id);
    if (b.attrs.type !== 'print' && b.attrs.type !== 'online') report(TransformCodes.cmifBibl, 'error', `bibl/@type must be "print" or "online", not "${b.attrs.type ?? ''}"`, b);
  }

  // letters
  const lacking = new Map<string, { count: number; el: TeiElement }>();
  const profile = child(header, 'profileDesc');
  for (const cd of profile ? childElements(profile, 'correspDesc') : []) {
    const ref = cd.attrs.ref ?? '';
    if (!URL.test(ref)) report(TransformCodes.cmifCorrespRef, 'error', 'correspDesc needs @ref with the URL of the letter in the edition', cd);
    const source = cd.attrs.source ?? '';
    if (!source.startsWith('#') || !biblIds.has(source.slice(1))) {
      report(TransformCodes.cmifCorrespRef, 'error', `correspDesc/@source "${source}" names no bibl/@xml:id of sourceDesc`, cd);
    }
    const actions = childElements(cd, 'correspAction');
    for (const type of ['sent', 'received']) {
      if (!actions.some((a) => a.attrs.type === type)) report(TransformCodes.cmifAction, 'error', `correspDesc lacks a correspAction of type "${type}"`, cd);
    }
    for (const a of actions) {
      for (const c of childElements(a)) {
        if (!ACTION_CHILDREN.has(c.name)) {
          report(TransformCodes.cmifActionChild, 'error', `correspAction may hold only persName, orgName, placeName and date, not <${c.name}>`, c);
          continue;
        }
        if (c.name === 'date') {
          let any = false;
          for (const [k, v] of Object.entries(c.attrs)) {
            if (!DATE_ATTRS.has(k)) report(TransformCodes.cmifDate, 'error', `date/@${k} is not allowed: use when, from, to, notBefore or notAfter`, c);
            else {
              any = true;
              if (!DATE_VALUE.test(v)) report(TransformCodes.cmifDate, 'error', `date/@${k}="${v}" is not YYYY, YYYY-MM or YYYY-MM-DD`, c);
            }
          }
          if (!any) report(TransformCodes.cmifDate, 'error', 'date needs @when, @from, @to, @notBefore or @notAfter', c);
        } else if (c.name === 'placeName') {
          if (c.attrs.ref && !GEONAMES.test(c.attrs.ref)) report(TransformCodes.cmifPlaceRef, 'error', `placeName/@ref "${c.attrs.ref}" is not a GeoNames URI`, c);
        } else {
          const name = textOf(c);
          if (c.attrs.ref === undefined) {
            if (name !== 'Unknown') {
              const l = lacking.get(name);
              if (l) l.count++;
              else lacking.set(name, { count: 1, el: c });
            }
          } else if (!c.attrs.ref.split(/\s+/).every((r) => AUTHORITY.some((re) => re.test(r)))) {
            report(TransformCodes.cmifAuthorityForm, 'error', `${c.name}/@ref "${c.attrs.ref}" is not a VIAF, GND or Wikidata URI`, c);
          }
        }
      }
    }
  }
  for (const [name, { count, el }] of lacking) {
    report(TransformCodes.cmifNoAuthority, 'warning', `correspondent "${name}" has no authority id (VIAF, GND or Wikidata) in ${count} letter${count === 1 ? '' : 's'}: add an idno to persons.xml`, el);
  }
  return out;
}
