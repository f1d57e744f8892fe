import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonFormOf, jsonText, YAML_DOCUMENTS } from '../../scripts/derive-json-documents.ts';
import { readDocument } from '../../src/http/openapi-document.ts';

describe('the JSON forms of the YAML documents (what the server reads at start)', () => {
  it.each(YAML_DOCUMENTS)('openapi/%s has a JSON form that matches it', (name) => {
    const committed = readFileSync(new URL(`../../openapi/${jsonFormOf(name)}`, import.meta.url), 'utf8');
    expect(committed, `run: node scripts/derive-json-documents.ts`).toBe(jsonText(name));
    expect(readDocument(name)).toEqual(JSON.parse(committed));
  });
});
