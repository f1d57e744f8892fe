import { withEventStream } from './2026-06-29.ts';
import type { JobPhase, Revision } from './types.ts';

/** July 2026: `GET /ai?id=` retrieves a job, whose statuses are `retrieving`, `archiving`, `failed`. */
export const july: Revision = {
  id: '2026-07-06',
  title: 'July 6, 2026',
  document: '2026-07-06.json',
  aiCredits: 5,
  autoscalingSeconds: 60,
  present: withEventStream,
  jobStatus: (phase: JobPhase) => (phase === 'ready' ? null : phase),
};
