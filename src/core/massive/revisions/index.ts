import { agentfirst } from './2026-04.ts';
import { lateApril } from './2026-04-24.ts';
import { may } from './2026-05-11.ts';
import { june } from './2026-06-29.ts';
import { july } from './2026-07-06.ts';
import { live } from './live.ts';
import type { Revision } from './types.ts';

export type { JobPhase, PageView, Revision } from './types.ts';

/** Every revision massive-mock speaks, oldest first. */
export const REVISIONS: readonly Revision[] = [agentfirst, lateApril, live, may, june, july];

export const REVISION_IDS = REVISIONS.map((revision) => revision.id);

/** The seeds' revision: what a call gets unless it or the configuration picks another. */
export const DEFAULT_REVISION = may.id;

export function findRevision(id: string): Revision | undefined {
  return REVISIONS.find((revision) => revision.id === id);
}
