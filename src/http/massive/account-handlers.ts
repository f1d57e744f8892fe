import { usageReport, usageWindow } from '../../core/massive/accounts/usage.ts';
import type { ApiRouteOptions } from './revisions.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';

type Query = Readonly<Record<string, string | string[] | undefined>>;
const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The account endpoints as the revision documents them: `GET /user`, `GET/POST/PATCH/DELETE
 * /users` and `GET /usage`. They are free, and /usage reads the durable record of billed calls.
 */
export function accountHandlers(options: ApiRouteOptions): Record<string, Handler> {
  const { users, store } = options;
  return {
    getUser: (context, _request, reply) => reply.send(users.me(tokenOf(context))),
    listUsers: (context, request, reply) =>
      reply.send(users.list(tokenOf(context), listOf((request.query as Query).email))),
    createUser: (context, request, reply) => {
      const { email, credits } = request.body as { email: string; credits?: number };
      return reply.code(201).send(users.create(tokenOf(context), email, credits));
    },
    grantCredits: (context, request, reply) => {
      // `amount` from May, `credits` before: the same count under the revision's name.
      const { email, amount, credits } = request.body as { email: string; amount?: number; credits?: number };
      return reply.send(users.grant(tokenOf(context), email, amount ?? credits ?? 0));
    },
    deactivateUser: (context, request, reply) =>
      reply.send(users.deactivate(tokenOf(context), (request.body as { email: string }).email)),
    getUsage: (context, request, reply) => {
      const query = request.query as Query;
      const token = tokenOf(context);
      const { from, to } = usageWindow(String(query.from), String(query.to));
      const tokens = users.reportedTokens(token, listOf(query.email));
      const report = usageReport(store.calls(tokens, from, to), (owner) => users.userOf(owner).email, {
        by: query.by === 'hour' ? 'hour' : 'total',
        services: listOf(query.service),
      });
      return reply.send(report);
    },
  };
}
