import type { Conversation } from './conversation.ts';
import type { Format } from './params/request.ts';
import type { DomainStyle } from './generate/sources.ts';
import type { Answer } from './generate/types.ts';
import type { BrowserView, WebInputs, WebService } from './web/request.ts';

/**
 * What makes an answer, as stored: never its page, which is remade from these (revisions/present.ts)
 * byte for byte, however often, after a restart as before it.
 */
export interface AnswerRecipe {
  /** The seed its content and page were drawn from. */
  seed: number;
  /** Where its generated sources and ads point (see GenerateOptions). */
  domains: DomainStyle;
  /** The canned answer that wrote it, kept since stubs change at run time; null when generated. */
  canned: Answer | null;
}

/** The page of an answer as a release before 0.2 stored it: served as it is. */
export interface StoredPage {
  completionJson: string;
  raw: string;
  sse: string;
}

/** An answer as stored: the conversation it answers, when, and how to make it again. */
export interface StoredAnswer extends AnswerRecipe {
  id: number;
  /** The normalised conversation it answers (see conversationKey). */
  key: string;
  /** 1 for the first answer to a conversation, then one more for each fresh one. */
  version: number;
  createdAt: number;
  /** Only on answers an older release wrote with their page. */
  page?: StoredPage;
}

export type JobOutcome = 'completed' | 'failed';

/**
 * A Search or Browser answer as stored: what makes it (the inputs, in `key`), its version and
 * time. The page itself is made again from them and the seed whenever it is served.
 */
export interface WebAnswer {
  id: number;
  /** The service and its inputs (see inputsKey). */
  key: string;
  version: number;
  createdAt: number;
}

/** What a queued Search or Browser call adds to a job: its call, and the answer it is served. */
export interface WebJob {
  inputs: WebInputs;
  view: BrowserView | null;
  /** Null for a job that fails. */
  answerId: number | null;
}

/** A queued conversation. Its outcome and the time it is ready are fixed when it is queued. */
export interface JobRecord {
  id: string;
  token: string;
  conversation: Conversation;
  format: Format;
  createdAt: number;
  readyAt: number;
  outcome: JobOutcome;
  /** The answer served once the job is ready; null for a job that fails. */
  answerId: number | null;
  /** Credits debited when it was queued, refunded if it is failed by hand. */
  cost: number;
  /** The batch it is a prompt of, and its index among the batch's prompts. */
  batchId?: string;
  batchIndex?: number;
  /**
   * A Search or Browser job: its call and answer. Its `conversation` then only echoes the terms or
   * URL (as `prompt`) and the locale, for the views that list jobs of every service.
   */
  web?: WebJob;
}

/** A queued batch of prompts (`POST /ai/batches`); each prompt is a job with its own fate. */
export interface BatchRecord {
  id: string;
  token: string;
  count: number;
  createdAt: number;
  /** Where its archive and jobs are fetched: the emulator's origin (and revision prefix) it was asked on. */
  baseUrl: string;
  /** The callback given, as given; null when none. */
  callback: string | null;
  /** The batch's `expiration`, which its prompts are answered with when first fetched. */
  expiration: 0 | 1;
  /** A Search or Browser batch; an AI batch has none. */
  service?: WebService;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped' | 'refused' | 'recorded';

/** A notification owed to a callback for a finished job or batch, and how its delivery goes. */
export interface DeliveryRecord {
  id: string;
  subject: { kind: 'job' | 'batch'; id: string };
  /** The callback as given: an http(s) URL, an SQS queue URL or an SQS ARN. */
  target: string;
  baseUrl: string;
  createdAt: number;
  /** When the next attempt is due (the first: when the subject finishes, plus `delayMs`). */
  dueAt: number;
  status: DeliveryStatus;
  attempts: number;
  /** What the fault rules imposed when it was owed: a delay, attempts counted failed, a drop. */
  delayMs: number;
  failFirst: number;
  drop: boolean;
  /** The fault rules that imposed them. */
  rules: string[];
}

/** One attempt at a delivery, as it went. */
export interface DeliveryAttempt {
  deliveryId: string;
  attempt: number;
  at: number;
  /** delivered, failed (answered but not 2xx, or counted failed), error (no answer), refused, dropped, recorded */
  outcome: string;
  /** The receiver's status, when it answered. */
  statusCode: number | null;
  detail: string;
  durationMs: number;
}

/** A token's account: `balance` null is unlimited. */
export interface Account {
  token: string;
  balance: number | null;
}

/** The person behind a token: an email, and for a sub-user the token that created it. */
export interface UserRecord {
  token: string;
  email: string;
  parent: string | null;
  active: boolean;
}

/** One answered call of a billed service, kept for /usage (unlike the bounded journal). */
export interface CallRecord {
  token: string;
  service: string;
  success: boolean;
  credits: number;
  durationMs: number;
  /** The emulator's clock when the call arrived. */
  at: number;
}

/**
 * What the core needs kept. The SQLite adapter implements it; every method is synchronous, so a
 * debit and the answer it pays for happen in one transaction, with no other request in between.
 */
export interface Store {
  /** One unit of work: all its writes, or none. */
  transaction<T>(work: () => T): T;
  /**
   * Resolves once every write made so far is durable (undefined when none is pending): writes are
   * committed in groups, and nothing is acknowledged before its group is.
   */
  committed(): Promise<void> | undefined;

  latestAnswer(key: string): StoredAnswer | undefined;
  answer(id: number): StoredAnswer | undefined;
  addAnswer(answer: Omit<StoredAnswer, 'id' | 'page'>): StoredAnswer;

  latestWebAnswer(key: string): WebAnswer | undefined;
  webAnswer(id: number): WebAnswer | undefined;
  addWebAnswer(answer: Omit<WebAnswer, 'id'>): WebAnswer;

  insertJob(job: JobRecord): void;
  job(id: string): JobRecord | undefined;
  jobs(limit: number): JobRecord[];
  countJobs(): number;
  settleJob(id: string, outcome: JobOutcome, readyAt: number, answerId: number | null, cost: number): void;

  /** A batch's jobs in the order of its prompts. */
  batchJobs(batchId: string): JobRecord[];
  insertBatch(batch: BatchRecord): void;
  batch(id: string): BatchRecord | undefined;
  batches(limit: number): BatchRecord[];
  countBatches(): number;

  insertDelivery(delivery: DeliveryRecord): void;
  delivery(id: string): DeliveryRecord | undefined;
  /** Newest first. */
  deliveries(limit: number): DeliveryRecord[];
  /** Every delivery still to be attempted, soonest first: what a restart schedules again. */
  pendingDeliveries(): DeliveryRecord[];
  deliveriesOf(subjectId: string): DeliveryRecord[];
  updateDelivery(id: string, change: Pick<DeliveryRecord, 'status' | 'attempts' | 'dueAt'>): void;
  addDeliveryAttempt(attempt: DeliveryAttempt): void;
  deliveryAttempts(deliveryId: string): DeliveryAttempt[];

  account(token: string): Account | undefined;
  /** Creates the account, or changes its balance. */
  setBalance(token: string, balance: number | null): void;
  /** Creates the account with this balance unless it exists. */
  openAccount(token: string, balance: number | null): void;
  /** Takes `amount` if the balance covers it (or is unlimited); false and no change otherwise. */
  debit(token: string, amount: number): boolean;
  /** Gives `amount` back to a limited balance; unlimited and unknown accounts stay as they are. */
  refund(token: string, amount: number): void;
  accounts(): Account[];

  user(token: string): UserRecord | undefined;
  userByEmail(email: string): UserRecord | undefined;
  /** The users a token created, in the order it created them. */
  subUsers(parent: string): UserRecord[];
  addUser(user: UserRecord): void;
  deactivateUser(token: string): void;

  recordCall(call: CallRecord): void;
  /** The calls of these tokens (null: of every token) from `from` to `to` (clock times, both included), oldest first. */
  calls(tokens: readonly string[] | null, from: number, to: number): CallRecord[];

  /** Forgets every answer, job, batch, delivery, account, user and call. */
  clear(): void;
  close(): void;
}
