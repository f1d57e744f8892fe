import request from 'supertest';
import { afterAll } from 'vitest';
import { type Config, resolveConfig } from '../../src/config/config.ts';
import { createInstance, type Instance } from '../../src/instance.ts';
import { expectContract } from './contract.ts';

export const TOKEN = 'test-token';

export interface CallOptions {
  /** Bearer token; null sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Harness {
  instance: Instance;
  /** GET with a token (or none when `token` is null); every response is checked against openapi/. */
  get(url: string, token?: string | null, headers?: Record<string, string>): Promise<request.Response>;
  /** Any method; checked against openapi/ when the path is one it documents. */
  send(method: string, url: string, options?: CallOptions): Promise<request.Response>;
  /**
   * GET with no contract check, for answers Node's HTTP parser gives before any route runs (431 for
   * an oversized head): no operation produced them, so no document describes them.
   */
  raw(url: string): Promise<request.Response>;
}

/** An emulator on a `:memory:` store, built per test file and closed after it. */
export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const instance = await createInstance(resolveConfig({ database: ':memory:', ...overrides }), false);
  await instance.app.ready();
  afterAll(() => instance.close());
  const send = async (
    method: string,
    url: string,
    { token = TOKEN, headers = {}, body }: CallOptions = {},
  ) => {
    let call = request(instance.app.server)[method.toLowerCase() as 'get'](url);
    if (token !== null) call = call.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    const res = await (body === undefined ? call : call.send(body as object));
    expectContract(method, url, res);
    return res;
  };
  return {
    instance,
    get: (url, token, headers) =>
      send('GET', url, { ...(token !== undefined && { token }), ...(headers && { headers }) }),
    send,
    raw: (url) => request(instance.app.server).get(url).set('authorization', `Bearer ${TOKEN}`),
  };
}
