import { echoKeys, pageKeys, twoStatuses } from './shapes.ts';
import type { Revision } from './types.ts';

/** May 2026 (seeds 000-002): `subqueries` became `fanouts`, and `ads` came. */
export const may: Revision = {
  id: '2026-05-11',
  title: 'May 11, 2026 (the seeds)',
  document: '2026-05-11.json',
  aiCredits: 1,
  autoscalingSeconds: 180,
  present: ({ page }) => ({ ...pageKeys(page), ads: page.ads, fanouts: page.fanouts, ...echoKeys(page) }),
  jobStatus: twoStatuses,
};
