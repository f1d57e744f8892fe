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
 * The documents are read with the first call recorded (after its reply is sent) or the first
 * report: a start reads only its own revision's, which its first answer needs.
 */
export function trackApiCoverage(options: { journal: Journal; faults: Faults; revision: string }): Coverage {
  let made: Coverage | undefined;
  const coverage = (): Coverage =>
    (made ??= createCoverage(
      definedOperations(
        REVISIONS.map((revision) => ({ revision: revision.id, document: loadApiDocument(revision) })),
      ),
      (method, fullPath, revision) => {
        const document = loadApiDocument(findRevision(revision) ?? REVISIONS[0]);
        const path = REVISION_PATH.exec(fullPath)?.[2] ?? fullPath;
        const template = pathTemplateOf(document, path);
        const operation = template && document.paths[template]?.[method.toLowerCase()];
        return (operation as { operationId?: string } | undefined)?.operationId;
      },
    ));
  const tracked: Coverage = {
    record: (entry, facts) => coverage().record(entry, facts),
    report: () => coverage().report(),
    clear: () => made?.clear(),
  };
  options.journal.subscribe((entry) => {
    const rules = entry.decisions.faults?.length ? options.faults.list() : [];
    tracked.record(entry, {
      revision: entry.decisions.revision ?? options.revision,
      effectOf: (id) => rules.find((rule) => rule.id === id)?.effect,
    });
  });
  return tracked;
}

/** Writes the coverage report: Markdown when the file name ends `.md`, else JSON. */
export function writeCoverageReport(coverage: Coverage, file: string): void {
  const report = coverage.report();
  writeFileSync(
    file,
    file.endsWith('.md') ? coverageMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`,
  );
}
