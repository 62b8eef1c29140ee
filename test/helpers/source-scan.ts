/**
 * Reading TypeScript sources as text for the architecture and dependency tests: which modules a file imports,
 * and its code without comments and string contents (so that a word in a doc comment or a message is not
 * taken for a use). A small scanner, not a parser: it knows comments, quotes, template literals with nested
 * `${…}` and tells a regular expression literal from a division by what comes before the slash.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.ts` file below `dir`, sorted, skipping `node_modules`. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules') return [];
      return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

export interface ScannedSource {
  /** The text with comments blanked (line breaks kept, so offsets and lines stay as they were). */
  code: string;
  /** The same with the contents of strings, template literals and regular expressions blanked too. */
  bare: string;
}

// After one of these (or at the start), a slash opens a regular expression; after a name, a number or a
// closing bracket it divides. Keywords that end an expression's left side are rare enough in this code base.
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await)$/;

/** Scans `text` once; see {@link ScannedSource}. */
export function scanSource(text: string): ScannedSource {
  const code: string[] = [];
  const bare: string[] = [];
  const blank = (c: string): string => (c === '\n' || c === '\r' ? c : ' ');
  const emit = (c: string, inString: boolean, inComment = false): void => {
    code.push(inComment ? blank(c) : c);
    bare.push(inComment || inString ? blank(c) : c);
  };
  // One frame per open template literal; `depth` counts the braces of its `${…}` expression being read.
  const templates: { depth: number }[] = [];
  let last = '';
  let lastWord = '';
  let i = 0;
  const n = text.length;
  const readQuoted = (quote: string): void => {
    emit(text[i]!, false);
    i++;
    while (i < n && text[i] !== quote && text[i] !== '\n') {
      if (text[i] === '\\' && i + 1 < n) {
        emit(text[i]!, true);
        i++;
      }
      emit(text[i]!, true);
      i++;
    }
    if (i < n) {
      emit(text[i]!, false);
      i++;
    }
  };
  // Reads template text from just after a backquote or a closing `}` up to the next `${` or closing backquote.
  const readTemplateText = (): void => {
    while (i < n) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < n) {
        emit(c, true);
        emit(text[i + 1]!, true);
        i += 2;
        continue;
      }
      if (c === '`') {
        emit(c, false);
        i++;
        templates.pop();
        last = ')';
        return;
      }
      if (c === '$' && text[i + 1] === '{') {
        emit('$', false);
        emit('{', false);
        i += 2;
        templates[templates.length - 1]!.depth = 1;
        last = '{';
        return;
      }
      emit(c, true);
      i++;
    }
  };
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') emit(text[i++]!, false, true);
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      while (i < stop) emit(text[i++]!, false, true);
      continue;
    }
    if (c === "'" || c === '"') {
      readQuoted(c);
      last = ')';
      continue;
    }
    if (c === '`') {
      emit(c, false);
      i++;
      templates.push({ depth: 0 });
      readTemplateText();
      continue;
    }
    if (c === '/' && (BEFORE_REGEX.has(last) || REGEX_KEYWORDS.test(lastWord))) {
      emit(c, false);
      i++;
      let inClass = false;
      while (i < n && text[i] !== '\n') {
        const r = text[i]!;
        if (r === '\\' && i + 1 < n) {
          emit(r, true);
          emit(text[i + 1]!, true);
          i += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        emit(r, true);
        i++;
      }
      if (i < n && text[i] === '/') {
        emit('/', false);
        i++;
      }
      last = ')';
      continue;
    }
    const template = templates[templates.length - 1];
    if (template && template.depth > 0) {
      if (c === '{') template.depth++;
      else if (c === '}') {
        template.depth--;
        if (template.depth === 0) {
          emit(c, false);
          i++;
          readTemplateText();
          continue;
        }
      }
    }
    emit(c, false);
    i++;
    if (/\s/.test(c)) continue;
    if (/[\w$]/.test(c)) {
      lastWord = /[\w$]/.test(last) ? lastWord + c : (lastWord.endsWith(' ') ? '' : lastWord) + ' ' + c;
      lastWord = lastWord.slice(-12);
      last = c;
    } else {
      lastWord = '';
      last = c;
    }
  }
  return { code: code.join(''), bare: bare.join('') };
}

export interface ImportSite {
  /** The module specifier as written (`../xml/read.js`, `saxes`, `node:fs`). */
  specifier: string;
  /** 1-based line of the specifier. */
  line: number;
  /** True for `import type`/`export type` (erased from the JavaScript). */
  typeOnly: boolean;
}

/**
 * Every module a source imports: `import … from`, `export … from`, `import '…'` and `import('…')` with a
 * literal specifier, type-only imports included (they are arrows of the design too).
 */
export function importsOf(text: string): ImportSite[] {
  const { code } = scanSource(text);
  const found: ImportSite[] = [];
  const lineAt = (offset: number): number => code.slice(0, offset).split('\n').length;
  const statement = /(?:^|[;\n])\s*(import|export)(\s+type)?\b([^;'"`]*?)\bfrom\s*(['"])([^'"]+)\4/g;
  for (const m of code.matchAll(statement)) {
    found.push({ specifier: m[5]!, line: lineAt(m.index + m[0].length - m[5]!.length - 1), typeOnly: m[2] !== undefined });
  }
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*(['"])([^'"]+)\1/g)) {
    found.push({ specifier: m[2]!, line: lineAt(m.index + m[0].length - m[2]!.length - 1), typeOnly: false });
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g)) {
    found.push({ specifier: m[2]!, line: lineAt(m.index), typeOnly: false });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for paths and built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Reads and scans a file. */
export function importsOfFile(path: string): ImportSite[] {
  return importsOf(readFileSync(path, 'utf8'));
}
