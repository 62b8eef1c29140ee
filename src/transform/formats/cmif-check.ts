/**
 * Our own check of the CMIF rules on an export. The official `cmif.sch` tests four of them; this checks
 * every rule the edition's exports must meet, and says which correspondents lack authority ids (a
 * warning, since correspSearch can then only match them by name). Returns every finding, never throws.
 */
import { TransformCodes } from '../../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.js';
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
  const at = (el?: TeiElement): SourceSpan => ({ file, line: el?.line ?? 1, column: el?.column ?? 1 });
  const parsed = parseTei(xml, file);
  if (!parsed.root) {
    for (const d of parsed.diagnostics) out.push(diagnostic(TransformCodes.cmifNotTei, { detail: d.message }, d.span));
    return out;
  }
  const tei = parsed.root;
  if (tei.name !== 'TEI' || tei.attrs.xmlns !== 'http://www.tei-c.org/ns/1.0') {
    out.push(diagnostic(TransformCodes.cmifNotTei, {}, at(tei)));
    return out;
  }
  const header = child(tei, 'teiHeader');
  const fileDesc = child(header, 'fileDesc');
  const titleStmt = child(fileDesc, 'titleStmt');
  const pub = child(fileDesc, 'publicationStmt');

  // header
  if (!textOf(child(titleStmt, 'title'))) out.push(diagnostic(TransformCodes.cmifHeader, { element: 'titleStmt', needs: 'a <title>' }, at(titleStmt ?? tei)));
  const editors = titleStmt ? childElements(titleStmt, 'editor') : [];
  if (editors.length === 0) out.push(diagnostic(TransformCodes.cmifHeader, { element: 'titleStmt', needs: 'an <editor>' }, at(titleStmt ?? tei)));
  for (const ed of editors) {
    const email = textOf(child(ed, 'email'));
    const name = ed.children.filter((c) => c.type === 'text').map((c) => (c.type === 'text' ? c.text : '')).join('').trim();
    if (!name) out.push(diagnostic(TransformCodes.cmifHeader, { element: '<editor>', needs: 'a name' }, at(ed)));
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) out.push(diagnostic(TransformCodes.cmifHeader, { element: '<editor>', needs: 'an <email> address' }, at(ed)));
  }
  if (!textOf(child(pub, 'publisher'))) out.push(diagnostic(TransformCodes.cmifHeader, { element: 'publicationStmt', needs: 'a <publisher>' }, at(pub ?? tei)));
  const idno = pub ? childElements(pub, 'idno').find((i) => i.attrs.type === 'url') : undefined;
  if (!idno || !URL.test(textOf(idno))) out.push(diagnostic(TransformCodes.cmifHeader, { element: 'publicationStmt', needs: '<idno type="url"> with the URL of this file' }, at(idno ?? pub ?? tei)));
  else if (/\.invalid\//.test(textOf(idno))) {
    out.push(diagnostic(TransformCodes.cmifPlaceholderUrl, { url: textOf(idno) }, at(idno)));
  }
  const date = child(pub, 'date');
  if (!date || !TIMESTAMP.test(date.attrs.when ?? '')) out.push(diagnostic(TransformCodes.cmifHeader, { element: 'publicationStmt', needs: '<date when> with a timestamp' }, at(date ?? pub ?? tei)));
  const licence = path(pub, 'availability/licence');
  if (!licence || !LICENCE.test(licence.attrs.target ?? '')) {
    out.push(diagnostic(TransformCodes.cmifHeader, { element: 'availability', needs: '<licence target="https://creativecommons.org/licenses/by/4.0/"> (CC-BY 4.0)' }, at(licence ?? pub ?? tei)));
  }

  // sources
  const biblIds = new Set<string>();
  for (const b of descendants(child(fileDesc, 'sourceDesc') ?? tei, 'bibl')) {
    const id = b.attrs['xml:id'];
    if (!id) out.push(diagnostic(TransformCodes.cmifBibl, {}, at(b)));
    else biblIds.add(id);
    if (b.attrs.type !== 'print' && b.attrs.type !== 'online') out.push(diagnostic(TransformCodes.cmifBibl, { type: b.attrs.type ?? '' }, at(b)));
  }

  // letters
  const lacking = new Map<string, { count: number; el: TeiElement }>();
  const profile = child(header, 'profileDesc');
  for (const cd of profile ? childElements(profile, 'correspDesc') : []) {
    const ref = cd.attrs.ref ?? '';
    if (!URL.test(ref)) out.push(diagnostic(TransformCodes.cmifCorrespRef, {}, at(cd)));
    const source = cd.attrs.source ?? '';
    if (!source.startsWith('#') || !biblIds.has(source.slice(1))) {
      out.push(diagnostic(TransformCodes.cmifCorrespRef, { source }, at(cd)));
    }
    const actions = childElements(cd, 'correspAction');
    for (const type of ['sent', 'received']) {
      if (!actions.some((a) => a.attrs.type === type)) out.push(diagnostic(TransformCodes.cmifAction, { type }, at(cd)));
    }
    for (const a of actions) {
      for (const c of childElements(a)) {
        if (!ACTION_CHILDREN.has(c.name)) {
          out.push(diagnostic(TransformCodes.cmifActionChild, { element: c.name }, at(c)));
          continue;
        }
        if (c.name === 'date') {
          let any = false;
          for (const [k, v] of Object.entries(c.attrs)) {
            if (!DATE_ATTRS.has(k)) out.push(diagnostic(TransformCodes.cmifDate, { attribute: k }, at(c)));
            else {
              any = true;
              if (!DATE_VALUE.test(v)) out.push(diagnostic(TransformCodes.cmifDate, { attribute: k, value: v }, at(c)));
            }
          }
          if (!any) out.push(diagnostic(TransformCodes.cmifDate, {}, at(c)));
        } else if (c.name === 'placeName') {
          if (c.attrs.ref && !GEONAMES.test(c.attrs.ref)) out.push(diagnostic(TransformCodes.cmifPlaceRef, { ref: c.attrs.ref }, at(c)));
        } else {
          const name = textOf(c);
          if (c.attrs.ref === undefined) {
            if (name !== 'Unknown') {
              const l = lacking.get(name);
              if (l) l.count++;
              else lacking.set(name, { count: 1, el: c });
            }
          } else if (!c.attrs.ref.split(/\s+/).every((r) => AUTHORITY.some((re) => re.test(r)))) {
            out.push(diagnostic(TransformCodes.cmifAuthorityForm, { element: c.name, ref: c.attrs.ref }, at(c)));
          }
        }
      }
    }
  }
  for (const [name, { count, el }] of lacking) {
    out.push(diagnostic(TransformCodes.cmifNoAuthority, { name, letters: count }, at(el)));
  }
  return out;
}
