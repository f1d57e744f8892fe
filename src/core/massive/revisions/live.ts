import { pageKeys, twoStatuses } from './shapes.ts';
import type { Revision } from './types.ts';

/**
 * What the live service really sent in May 2026 (the captured responses): the late-April keys
 * plus `ads`, no echo keys, and `sources` empty with the source list inside the completion.
 */
export const live: Revision = {
  id: 'live',
  title: 'Live service as captured in May 2026',
  document: 'live.json',
  aiCredits: 1,
  autoscalingSeconds: 180,
  present: ({ page }) => ({
    ...pageKeys(page),
    completion: page.completion + page.sources,
    sources: '',
    ads: page.ads,
    subqueries: page.fanouts,
  }),
  jobStatus: twoStatuses,
};
