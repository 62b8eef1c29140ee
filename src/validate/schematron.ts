/**
 * The Schematron adapter: the only file that touches node-schematron (XPath 3.1 by fontoxpath, so TEI's
 * xslt2-style constraints and ours can use XPath 2+ functions). It runs on the DOM our saxes pass built,
 * which is what lets a failed assert point at the line and column of its context element.
 */
import { readFileSync } from 'node:fs';
import type { Schema } from 'node-schematron';
import type { Document as DomDocument, Node as DomNode } from 'slimdom';
import { diagnostic, ValidateError, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { elementSpan, type ParsedFile } from './parse.js';

/** A compiled Schematron schema. */
export interface SchematronValidator {
  readonly path: string;
  /** Runs every pattern on a parsed file (which must carry its DOM); never throws for bad input. */
  validate(parsed: ParsedFile): Diagnostic[];
  /** A new, empty DOM document of the kind the engine reads (for {@link ParseOptions.dom}). */
  newDocument(): DomDocument;
}

/** Reads a Schematron file. Throws {@link ValidateError} when it cannot be read or understood. */
export async function compileSchematron(path: string): Promise<SchematronValidator> {
  // Loaded on demand: node-schematron, fontoxpath and slimdom cost ~150 ms of start-up.
  const [{ Schema }, slimdom] = await Promise.all([import('node-schematron'), import('slimdom')]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw ValidateError.of(ValidateCodes.schematronUnreadable, { path, detail: (e as Error).message }, { cause: e });
  }
  let schema: Schema;
  try {
    schema = Schema.fromString(text);
  } catch (e) {
    throw ValidateError.of(ValidateCodes.schematronNotCompiled, { path, detail: (e as Error).message }, { cause: e });
  }
  // node-schematron drops @role; read it ourselves so that role="warning" asserts are warnings.
  const roles = new Map<string, Severity>();
  for (const m of text.matchAll(/<(?:sch:)?(?:assert|report)\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const id = /\bid\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1];
    const role = /\brole\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1]?.toLowerCase();
    if (id && role) roles.set(id, role === 'warning' || role === 'warn' ? 'warning' : role === 'info' ? 'info' : 'error');
  }

  return {
    path,
    newDocument: () => new slimdom.Document(),
    validate(parsed) {
      if (!parsed.dom || !parsed.domIndex) {
        throw ValidateError.of(ValidateCodes.internal, { file: parsed.file });
      }
      let results;
      try {
        results = schema.validateDocument(parsed.dom);
      } catch (e) {
        return [diagnostic(ValidateCodes.schematronError, { schema: path, detail: (e as Error).message.split('\n')[0]! }, { file: parsed.file, line: 1, column: 1 })];
      }
      return results.map((r) => {
        let node: DomNode | null = r.context;
        // Attribute or text contexts: report at the element that holds them.
        while (node && !parsed.domIndex!.has(node)) {
          node = (node as { ownerElement?: DomNode | null }).ownerElement ?? node.parentNode;
        }
        const index = node ? parsed.domIndex!.get(node) : undefined;
        const span = (index !== undefined ? elementSpan(parsed, index) : undefined) ?? { file: parsed.file, line: 1, column: 1 };
        const id = r.assertId ?? undefined;
        const message = (r.message ?? '').replace(/\s+/g, ' ').trim() || `Schematron ${r.isReport ? 'report' : 'assert'} ${id ?? ''}`.trim();
        return diagnostic(r.isReport ? ValidateCodes.schematronReport : ValidateCodes.schematronAssert, { text: message, id }, span, {
          severity: (id && roles.get(id)) || 'error',
        });
      });
    },
  };
}
