import { LRUCache } from 'lru-cache';
import type { Clock } from '../../kernel/clock.ts';
import { deriveSeed } from '../../kernel/random.ts';
import { hasCaptcha, isNonexistent, renderPage } from '../browser/render.ts';
import type { Conversation } from '../conversation.ts';
import { ApiError } from '../errors.ts';
import { DEFAULT_JOB_SETTINGS, drawJobFate, type JobSettings } from '../jobs.ts';
import type { LatencyDraw } from '../latency.ts';
import type { JobPhase } from '../revisions/index.ts';
import { renderSerp } from '../search/serp.ts';
import { type CallOverrides, DAY_MS, type MassiveService, type TimedOut } from '../service.ts';
import type { JobRecord, Store, WebAnswer } from '../store.ts';
import { type BrowserView, inputsKey, type WebCall, type WebInputs, type WebService } from './request.ts';

export interface WebServiceOptions {
  store: Store;
  clock: Clock;
  seed: number;
  /** The AI service, whose account and job ids the web services share. */
  service: MassiveService;
  jobs?: JobSettings;
}

export interface WebAnswered {
  answer: WebAnswer;
  cache: 'hit' | 'miss';
  ageSeconds: number;
  credits: number;
  delayMs: number;
}

export type WebRetrieved =
  | { phase: Exclude<JobPhase, 'ready'>; job: JobRecord }
  | { phase: 'ready'; job: JobRecord; answer: WebAnswer; call: Pick<WebCall, 'inputs' | 'view'> };

/** Rolls a transaction back when the fresh answer it wrote timed out. */
class Rollback extends Error {}

/** What the job lists show of a web call: its terms or URL as the prompt, and where it was made from. */
function echo(inputs: WebInputs): Conversation {
  const { locale } = inputs;
  return {
    prompt: inputs.service === 'search' ? inputs.terms : inputs.url,
    model: 'chatgpt',
    device: locale.device,
    country: locale.country,
    subdivision: locale.subdivision,
    city: locale.city,
    language: 'language' in locale ? locale.language : null,
    display: 'display' in locale ? locale.display : null,
  };
}

/** The errors a page's URL answers before anything is charged: no such domain, a captcha refused. */
export function refuse(call: WebCall): void {
  if (call.inputs.service !== 'browser') return;
  const url = new URL(call.inputs.url);
  if (isNonexistent(url)) throw ApiError.of('noSuchDomain');
  if (hasCaptcha(url) && call.view?.captcha === 'rejected') throw ApiError.of('captcha');
}

interface WebContext {
  store: Store;
  clock: Clock;
  seed: number;
  service: MassiveService;
  jobSettings: JobSettings;
  /** The bodies last sent: a cache hit and a poll send bytes already made (pages weigh up to 1.3 MB). */
  bodies: LRUCache<string, Buffer>;
}

/** The latest answer to the inputs when the call may be served it (younger than a day, allowed), else a new version. */
function resolve(
  { store, clock }: WebContext,
  inputs: WebInputs,
  expiration: 0 | 1,
): Omit<WebAnswered, 'credits' | 'delayMs'> {
  const key = inputsKey(inputs);
  const latest = store.latestWebAnswer(key);
  const now = clock.now();
  if (latest && expiration === 1 && now - latest.createdAt < DAY_MS)
    return { answer: latest, cache: 'hit', ageSeconds: Math.floor((now - latest.createdAt) / 1000) };
  const answer = store.addWebAnswer({ key, version: (latest?.version ?? 0) + 1, createdAt: now });
  return { answer, cache: 'miss', ageSeconds: 0 };
}

/** A sync call: 402 when the balance can't pay; a fresh answer past the budget is neither kept nor charged. */
function answer(
  context: WebContext,
  token: string,
  call: WebCall,
  terms: { cost: number; latency?: () => LatencyDraw },
): WebAnswered | TimedOut {
  const { store, service } = context;
  refuse(call);
  service.ensureCredits(token, terms.cost);
  let timedOut: TimedOut | undefined;
  try {
    return store.transaction(() => {
      const resolved = resolve(context, call.inputs, call.expiration);
      const draw = resolved.cache === 'miss' ? terms.latency?.() : undefined;
      if (draw?.timedOut) {
        timedOut = { timedOut: true, delayMs: draw.delayMs };
        throw new Rollback();
      }
      service.debit(token, terms.cost);
      return { ...resolved, credits: terms.cost, delayMs: draw?.delayMs ?? 0 };
    });
  } catch (error) {
    if (error instanceof Rollback && timedOut) return timedOut;
    throw error;
  }
}

/** `mode=async` or a batch's item: its fate drawn now, charged only if it is to succeed. */
function enqueue(
  context: WebContext,
  token: string,
  call: WebCall,
  cost: number,
  overrides: CallOverrides = {},
  batch?: { batchId: string; batchIndex: number },
): JobRecord {
  const { store, service, clock } = context;
  refuse(call);
  return store.transaction(() => {
    const id = service.newJobId();
    const fate = drawJobFate(context.seed, id, context.jobSettings);
    const outcome = overrides.failJob ? 'failed' : fate.outcome;
    const charged = outcome === 'completed';
    if (charged) service.ensureCredits(token, cost);
    const answered = charged ? resolve(context, call.inputs, call.expiration).answer : undefined;
    if (charged) service.debit(token, cost);
    const now = clock.now();
    const job: JobRecord = {
      id,
      token,
      conversation: echo(call.inputs),
      format: 'rendered',
      createdAt: now,
      readyAt: now + fate.durationMs,
      outcome,
      answerId: null,
      cost: charged ? cost : 0,
      ...batch,
      web: { inputs: call.inputs, view: call.view, answerId: answered?.id ?? null },
    };
    store.insertJob(job);
    return job;
  });
}

/** A job of this token and service, as its clock says; any other is unknown. */
function retrieve(context: WebContext, token: string, id: string, kind: WebService): WebRetrieved {
  const { store, service } = context;
  const job = store.job(id);
  if (!job || job.token !== token || job.web?.inputs.service !== kind) throw ApiError.of('jobNotFound');
  const phase = service.phaseOf(job);
  if (phase !== 'ready') return { phase, job };
  // A job drawn to fail that the control plane completed has no answer yet: the latest one serves.
  const stored =
    job.web.answerId === null
      ? resolve(context, job.web.inputs, 1).answer
      : store.webAnswer(job.web.answerId);
  if (!stored) throw ApiError.of('unknown');
  return { phase, job, answer: stored, call: job.web };
}

/** The page of an answer, made from its inputs, its version and the seed, in the view asked. */
function bodyOf(
  { seed, bodies }: WebContext,
  stored: WebAnswer,
  call: Pick<WebCall, 'inputs' | 'view'>,
): { contentType: string; body: Buffer } {
  const view: BrowserView | null = call.view;
  const contentType =
    view?.format === 'markdown' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8';
  const memo = `${stored.id} ${JSON.stringify(view)}`;
  let body = bodies.get(memo);
  if (!body) {
    const answerSeed = deriveSeed(seed, stored.key, stored.version);
    const text =
      call.inputs.service === 'search'
        ? renderSerp(call.inputs, answerSeed)
        : renderPage(call.inputs, view as BrowserView, answerSeed);
    bodies.set(memo, (body = Buffer.from(text)));
  }
  return { contentType, body };
}

/**
 * The Search and Browser services: answers kept as what makes them (inputs, version, time) and
 * made again from the seed when served, the one-day cache, credits and queued jobs, on the same
 * account, jobs table and job fates as the AI service.
 */
export function createWebService(options: WebServiceOptions) {
  const context: WebContext = {
    ...options,
    jobSettings: options.jobs ?? DEFAULT_JOB_SETTINGS,
    bodies: new LRUCache({ maxSize: 64 * 2 ** 20, sizeCalculation: (body) => body.length }),
  };
  return {
    answer: (token: string, call: WebCall, terms: { cost: number; latency?: () => LatencyDraw }) =>
      answer(context, token, call, terms),
    enqueue: (
      token: string,
      call: WebCall,
      cost: number,
      overrides?: CallOverrides,
      batch?: { batchId: string; batchIndex: number },
    ) => enqueue(context, token, call, cost, overrides, batch),
    retrieve: (token: string, id: string, kind: WebService) => retrieve(context, token, id, kind),
    body: (stored: WebAnswer, call: Pick<WebCall, 'inputs' | 'view'>) => bodyOf(context, stored, call),
  };
}

export type WebServices = ReturnType<typeof createWebService>;
