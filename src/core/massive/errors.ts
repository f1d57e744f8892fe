import { mockErrorClass } from '../kernel/errors.ts';

/**
 * Every error the emulated API answers with, in one catalogue: the real service's status and its
 * exact plain-text body. Faults, validation and the HTTP layer all build their answers from here.
 */
export const API_ERRORS = {
  missingAuth: { status: 401, body: 'Authorization header must be provided' },
  noCredits: { status: 402, body: 'Credit balance is 0; top up at https://dashboard.joinmassive.com/plans' },
  invalidToken: { status: 403, body: 'Valid API token must be provided' },
  captcha: { status: 403, body: 'Captcha was detected' },
  jobNotFound: { status: 404, body: 'Job was not found' },
  // The vendor's spelling.
  noSuchDomain: { status: 404, body: 'Domain is nonexistant' },
  unknown: { status: 500, body: 'Unknown error occurred' },
  timeout: { status: 504, body: 'Request(s) timed out' },
} as const satisfies Record<string, { status: number; body: string }>;

export type ApiErrorName = keyof typeof API_ERRORS;

/** An error answer of the emulated API: a status, a plain-text body, and headers when needed. */
export class ApiError extends Error {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The catalogue entry, for errors a revision's document may word its own way. */
  readonly code: ApiErrorName | undefined;

  constructor(status: number, body: string, headers: Record<string, string> = {}, code?: ApiErrorName) {
    super(body);
    this.name = 'ApiError';
    this.status = status;
    this.headers = headers;
    this.code = code;
  }

  static of(name: ApiErrorName): ApiError {
    const { status, body } = API_ERRORS[name];
    return new ApiError(status, body, {}, name);
  }

  /** The same error with another text: the wording of the revision that answers. */
  worded(body: string): ApiError {
    return new ApiError(this.status, body, { ...this.headers }, this.code);
  }

  /** 422: one or more parameters were invalid; the message names the parameter and the rule. */
  static invalid(message: string): ApiError {
    return new ApiError(422, message);
  }

  /** 503: the service is autoscaling; `Retry-After` carries the same seconds as the body. */
  static autoscaling(seconds = 180): ApiError {
    return new ApiError(503, `Service is autoscaling; please retry in ${seconds} seconds`, {
      'retry-after': String(seconds),
    });
  }
}

/** A repro bundle that can't be used: the message says why. */
export const BundleError = mockErrorClass('BundleError', 'MOCK_ERR_BUNDLE', 400);
export type BundleError = InstanceType<typeof BundleError>;
