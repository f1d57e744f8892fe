import type { Completion } from '../conversation.ts';

/** A queued job's progress as the core knows it; each revision names it in its own words. */
export type JobPhase = 'retrieving' | 'archiving' | 'ready' | 'failed';

/** An answer as every revision can show it: the domain page, and ChatGPT's event stream. */
export interface PageView {
  page: Completion;
  /** ChatGPT's server-sent events the page was built from; empty for the other models. */
  sse: string;
}

/**
 * One published revision of the Massive AI API: its document, its prices and its wire shape.
 * Adding a revision is adding a document under openapi/massive/ and one of these.
 */
export interface Revision {
  id: string;
  /** What a newcomer reads in /docs and in errors. */
  title: string;
  /** The document under openapi/massive/ (derived by scripts/derive-revisions.ts). */
  document: string;
  /** Credits a successful AI call costs (pricing.mdx: 1 until mid-June 2026, then 5). */
  aiCredits: number;
  /** The seconds the 503 text and `Retry-After` name. */
  autoscalingSeconds: number;
  /** The Completion object of this revision, keys in its documented order. */
  present(view: PageView): Record<string, unknown>;
  /** The status a queued job shows while it is not answered, or null when the answer is due. */
  jobStatus(phase: JobPhase): string | null;
}
