/**
 * The YAML documents under openapi/ (admin, router), written as JSON under openapi/json/: the
 * server reads those at start, which needs no YAML parser (about a tenth of the start's time).
 * The YAML stays the one edited; test/contract/json-documents.test.ts fails when a JSON form
 * differs from its YAML. `node scripts/derive-json-documents.ts` writes them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const OPENAPI = new URL('../openapi/', import.meta.url);

/** Every document written in YAML, by its path under openapi/: a new one can't be forgotten. */
export const YAML_DOCUMENTS = readdirSync(OPENAPI, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** Where a YAML document's JSON form is, under openapi/. */
export const jsonFormOf = (name: string): string => `json/${name.replace(/\.ya?ml$/, '.json')}`;

/** A YAML document's JSON form, as it is committed. */
export function jsonText(name: string): string {
  return `${JSON.stringify(load(readFileSync(new URL(name, OPENAPI), 'utf8')), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of YAML_DOCUMENTS) {
    const target = fileURLToPath(new URL(jsonFormOf(name), OPENAPI));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, jsonText(name));
    process.stdout.write(`wrote openapi/${jsonFormOf(name)}\n`);
  }
}
