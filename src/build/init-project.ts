/**
 * `initProject()`: a minimal edition project in a folder — `sources/` for the raw texts, a commented
 * `chancery.config.json`, the editor's `sources/persons.json` (empty, with an example), and a CI workflow that
 * validates the TEI on every push. Files that already exist are kept as they are.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** What {@link initProject} created and what it found already there (and left alone). */
export interface InitReport {
  created: string[];
  kept: string[];
}

const CONFIG = (date: string): string => `{
  "//": "Chancery's settings for this edition. Every key is optional. Keys starting with // are comments.",
  "title": "My edition",
  "//date": "The edition's date (YYYY-MM-DD), written into the TEI and the exports: the same sources give the same files on every day. Change it when you publish a new version.",
  "date": "${date}",
  "//baseUrl": "Where site/ will be published, ending in /. The CMIF export (correspSearch) and citations need it; .invalid addresses are placeholders.",
  "baseUrl": "https://edition.invalid/",
  "//editor": "Who edits the edition: the CMIF export names them.",
  "editor": { "name": "Your Name", "email": "you@edition.invalid" },
  "publisher": "My edition",
  "//persons": "The editor's persons file: corrections, merges and authority ids for the generated tei/persons.xml.",
  "persons": "sources/persons.json"
}
`;

const PERSONS = `{
  "//": "Your corrections to the personography. tei/persons.xml is generated from the texts and from this file: make changes here, not there. Each entry names a person by the id persons.xml gives it (see chancery persons).",
  "//example": {
    "id": "stalin-j",
    "surname": "Stalin",
    "forename": "Joseph",
    "variants": ["Stalin", "Dzhugashvili"],
    "sameAs": ["stalin"],
    "forms": ["Marshal Stalin"],
    "idno": [{ "type": "wikidata", "value": "Q855", "checked": "https://www.wikidata.org/wiki/Q855" }]
  },
  "persons": []
}
`;

const WORKFLOW = `# Validates the TEI edition on every push and pull request; findings appear as annotations on the lines.
name: Validate TEI
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx chancery validate tei --format github
`;

const GITIGNORE = 'node_modules/\n';

/** Creates the project's files in `dir` (created when missing); `date` is the edition's first date (YYYY-MM-DD). */
export function initProject(dir: string, date: string): InitReport {
  const report: InitReport = { created: [], kept: [] };
  const files: [string, string][] = [
    ['chancery.config.json', CONFIG(date)],
    ['sources/persons.json', PERSONS],
    ['.github/workflows/validate-tei.yml', WORKFLOW],
    ['.gitignore', GITIGNORE],
  ];
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (const [rel, content] of files) {
    const path = join(dir, rel);
    if (existsSync(path)) {
      report.kept.push(rel);
      continue;
    }
    writeFileAtomic(path, content);
    report.created.push(rel);
  }
  return report;
}
