import { ApiError } from '../errors.ts';

/**
 * Where a finished job or batch is notified: an http(s) URL is called; an Amazon SQS queue (by
 * URL or ARN) is only recorded as "would be sent", since a local emulator has no AWS to reach.
 */
export type CallbackTarget =
  { kind: 'http'; url: string } | { kind: 'sqs'; region: string; account: string; queue: string };

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d';
const QUEUE = '[A-Za-z0-9_-]{1,75}(?:\\.fifo)?|[A-Za-z0-9_-]{1,80}';
const SQS_URL = new RegExp(
  `^https://(?:sqs\\.(${REGION})|(${REGION})\\.queue)\\.amazonaws\\.com(?:\\.cn)?/(\\d{12})/(${QUEUE})/?$`,
);
const SQS_ARN = new RegExp(`^arn:aws(?:-cn|-us-gov)?:sqs:(${REGION}):(\\d{12}):(${QUEUE})$`);

const RULE = 'callback must be an HTTP or HTTPS URL, an Amazon SQS queue URL or an SQS queue ARN';

const decodedOnce = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** A URL's `user:password@` part masked, percent-encoded or not: what a message may show of it. */
export const maskUserinfo = (text: string) => decodedOnce(text).replace(/(\/\/)[^/?#@]*@/, '$1***@');

/**
 * The callback as the documents allow it. The vendor asks for it "encoded": a value still
 * percent-encoded once more (`https%3A%2F%2F…`) is decoded once.
 */
export function parseCallback(given: string): CallbackTarget {
  let text = given.trim();
  if (/^(https?|arn)%3A/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw ApiError.invalid(`${RULE}; "${maskUserinfo(given)}" is not one`);
    }
  }
  const arn = SQS_ARN.exec(text);
  if (arn) return { kind: 'sqs', region: arn[1] ?? '', account: arn[2] ?? '', queue: arn[3] ?? '' };
  const queueUrl = SQS_URL.exec(text);
  if (queueUrl)
    return {
      kind: 'sqs',
      region: queueUrl[1] ?? queueUrl[2] ?? '',
      account: queueUrl[3] ?? '',
      queue: queueUrl[4] ?? '',
    };
  if (URL.canParse(text)) {
    const url = new URL(text);
    // fetch refuses a URL with credentials, so every attempt would fail: refused now, unechoed.
    if (url.username || url.password)
      throw ApiError.invalid(
        `callback must not carry credentials (user:password@): they could not be sent; "${maskUserinfo(url.href)}" does`,
      );
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '')
      return { kind: 'http', url: url.href };
  }
  throw ApiError.invalid(`${RULE}; "${maskUserinfo(given)}" is not one`);
}

/** Attempts a delivery gets before it is given up as failed. */
export const MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60_000;

/**
 * How long after failed attempt `attempt` (1 is the first) the next one is due: 1 s, doubling,
 * at most a minute. No jitter: the emulator's clock is the only one calling, and a test can
 * then advance it by exactly the wait.
 */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS);
}

/** The notification of a finished single job: its id, July status and where to fetch it. */
export const jobNotification = (
  baseUrl: string,
  id: string,
  status: 'successful' | 'failed',
  service: 'ai' | 'search' | 'browser' = 'ai',
) => ({
  id,
  status,
  url: `${baseUrl}/${service}?id=${id}`,
});
