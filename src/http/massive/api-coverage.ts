import { writeFileSync } from 'node:fs';
import {
  type Coverage,
  coverageMarkdown,
  createCoverage,
  definedOperations,
} from '../../core/control/coverage.ts';
import type { Faults } from '../../core/control/faults.ts';
import type { Journal } from '../../core/control/journal.ts';
import { findRevision, REVISIONS } from '../../core/massive/revisions/index.ts';
import { REVISION_PATH } from './revisions.ts';
import { loadApiDocument, pathTemplateOf } from '../openapi-document.ts';

/**
 * Coverage of the emulated API, from every revision's document, fed by the journal's appends (so
 * it counts calls the bounded journal has dropped). Fault kinds come from the rules that fired.
 */
export function trackApiCoverage(options: { journal: Journal; faults: Faults; revision: string }): Coverage {
  const documents = REVISIONS.map((revision) => ({
    revision: revision.id,
    document: loadApiDocument(revision),
  }));
  const coverage = createCoverage(definedOperations(documents), (method, fullPath, revision) => {
    const document = loadApiDocument(findRevision(revision) ?? REVISIONS[0]);
    const path = REVISION_PATH.exec(fullPath)?.[2] ?? fullPath;
    const template = pathTemplateOf(document, path);
    const operation = template && document.paths[template]?.[method.toLowerCase()];
    return (operation as { operationId?: string } | undefined)?.operationId;
  });
  options.journal.subscribe((entry) => {
    const rules = entry.decisions.faults?.length ? options.faults.list() : [];
    coverage.record(entry, {
      revision: entry.decisions.revision ?? options.revision,
      effectOf: (id) => rules.find((rule) => rule.id === id)?.effect,
    });
  });
  return coverage;
}

/** Writes the coverage report: Markdown when the file name ends `.md`, else JSON. */
export function writeCoverageReport(coverage: Coverage, file: string): void {
  const report = coverage.report();
  writeFileSync(
    file,
    file.endsWith('.md') ? coverageMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`,
  );
}
