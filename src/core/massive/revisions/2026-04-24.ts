import { echoKeys, pageKeys, twoStatuses } from './shapes.ts';
import type { Revision } from './types.ts';

/** Late April 2026: the keys renamed (`query`, `prompt`, `completion`, `sources`), still `subqueries`. */
export const lateApril: Revision = {
  id: '2026-04-24',
  title: 'April 24, 2026',
  document: '2026-04-24.json',
  aiCredits: 1,
  autoscalingSeconds: 180,
  present: ({ page }) => ({ ...pageKeys(page), subqueries: page.fanouts, ...echoKeys(page) }),
  jobStatus: twoStatuses,
};
