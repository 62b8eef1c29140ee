/**
 * The published SARIF 2.1.0 JSON schema (OASIS; test/fixtures/sarif/, where NOTICE says where it comes from),
 * compiled once by ajv with the formats it names (`uri`, `uri-reference`, `date-time`): an independent judge of
 * what `--format sarif` writes.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';

const SCHEMA_FILE = new URL('../../../test/fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // strict off: the schema uses keywords of draft-07 that ajv's strict mode reads as mistakes (`id` in
  // definitions, `default` beside `$ref`), and it is not ours to change.
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with `exports.default`: under NodeNext the function is the namespace's default's default.
  ajvFormats.default.default(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

/** What the schema says of `log`: an empty list when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  const validate = schemaValidator();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

/** The `$id` of the schema the tests validate against. */
export function sarifSchemaId(): string {
  return String((JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id: string }).$id);
}
