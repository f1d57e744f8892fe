/**
 * Every error the router API answers with, in one catalogue: its status, and the OpenAI-style
 * `{error: {code, message, param, type}}` body. Validation, rules, faults and the HTTP adapter all
 * build their answers from here.
 */
export const ROUTER_ERRORS = {
  invalidRequest: { status: 400, code: 'invalid_request_error', type: 'invalid_request_error' },
  modelNotFound: { status: 400, code: 'model_not_found', type: 'invalid_request_error' },
  invalidApiKey: { status: 401, code: 'invalid_api_key', type: 'authentication_error' },
  notFound: { status: 404, code: 'unknown_url', type: 'invalid_request_error' },
  methodNotAllowed: { status: 405, code: 'method_not_allowed', type: 'invalid_request_error' },
  rateLimited: { status: 429, code: 'rate_limit_exceeded', type: 'rate_limit_error' },
  server: { status: 500, code: 'server_error', type: 'server_error' },
} as const satisfies Record<string, { status: number; code: string; type: string }>;

export type RouterErrorName = keyof typeof ROUTER_ERRORS;

/** The message a status forced by `Prefer: code=` or a fault rule answers with. */
const FORCED_MESSAGES: Readonly<Record<number, [RouterErrorName, string]>> = {
  400: ['invalidRequest', 'The request was rejected (forced by massive-mock)'],
  401: ['invalidApiKey', 'Incorrect API key provided'],
  429: ['rateLimited', 'Rate limit reached for requests; please retry later'],
  500: ['server', 'The server had an error while processing your request; please retry'],
};

export interface RouterErrorBody {
  error: { code: string; message: string; param: string | null; type: string };
}

export class RouterError extends Error {
  override name = 'RouterError';
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly param: string | null;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    name: RouterErrorName,
    message: string,
    param: string | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    const { status, code, type } = ROUTER_ERRORS[name];
    this.status = status;
    this.code = code;
    this.type = type;
    this.param = param;
    this.headers = headers;
  }

  /** 400 naming the parameter and the rule. */
  static invalid(param: string | null, message: string): RouterError {
    return new RouterError('invalidRequest', message, param);
  }

  /** 429 with `Retry-After` in whole seconds (at least 1, so a client never retries at once). */
  static rateLimited(
    message: string,
    retryAfterMs: number,
    headers: Record<string, string> = {},
  ): RouterError {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new RouterError('rateLimited', message, null, { ...headers, 'retry-after': String(seconds) });
  }

  /** The documented answer for a status forced by `Prefer: code=` or a fault rule. */
  static forced(status: number, retryAfterSeconds = 1): RouterError {
    const [name, message] = FORCED_MESSAGES[status] ?? FORCED_MESSAGES[500] ?? ['server', ''];
    if (name === 'rateLimited') return RouterError.rateLimited(message, retryAfterSeconds * 1000);
    return new RouterError(name, message);
  }

  get body(): RouterErrorBody {
    return { error: { code: this.code, message: this.message, param: this.param, type: this.type } };
  }
}
