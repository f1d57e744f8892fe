import { echoKeys, pageKeys, twoStatuses } from './shapes.ts';
import type { PageView, Revision } from './types.ts';

/** The June Completion: May's keys with ChatGPT's `sse` before `fanouts`. July keeps it. */
export const withEventStream = ({ page, sse }: PageView) => ({
  ...pageKeys(page),
  ads: page.ads,
  sse,
  fanouts: page.fanouts,
  ...echoKeys(page),
});

/** June 2026: `sse`, AI calls at 5 credits, the 503 text at 60 seconds, `DELETE /users`. */
export const june: Revision = {
  id: '2026-06-29',
  title: 'June 29, 2026',
  document: '2026-06-29.json',
  aiCredits: 5,
  autoscalingSeconds: 60,
  present: withEventStream,
  jobStatus: twoStatuses,
};
