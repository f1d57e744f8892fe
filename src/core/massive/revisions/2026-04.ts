import { echoKeys, twoStatuses } from './shapes.ts';
import type { Revision } from './types.ts';

/** The earliest revision (seed 004, api.agentfirst.dev): `promptHtml`, `completionHtml`, `sourcesHtml`. */
export const agentfirst: Revision = {
  id: '2026-04',
  title: 'April 2026 (api.agentfirst.dev)',
  document: '2026-04.json',
  aiCredits: 1,
  autoscalingSeconds: 180,
  present: ({ page }) => ({
    model: page.model,
    prompt: page.query,
    html: page.html,
    promptHtml: page.prompt,
    completionHtml: page.completion,
    sourcesHtml: page.sources,
    subqueries: page.fanouts,
    ...echoKeys(page),
  }),
  jobStatus: twoStatuses,
};
