import type Database from 'better-sqlite3';
import type { DeliveryAttempt, DeliveryRecord, Store } from '../../core/massive/store.ts';
import type { Writer } from './writer.ts';

interface DeliveryRow {
  id: string;
  subject_kind: 'job' | 'batch';
  subject_id: string;
  target: string;
  base_url: string;
  created_at: number;
  due_at: number;
  status: DeliveryRecord['status'];
  attempts: number;
  delay_ms: number;
  fail_first: number;
  drop_it: number;
  rules: string;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: number;
  outcome: string;
  status_code: number | null;
  detail: string;
  duration_ms: number;
}

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  subject: { kind: row.subject_kind, id: row.subject_id },
  target: row.target,
  baseUrl: row.base_url,
  createdAt: row.created_at,
  dueAt: row.due_at,
  status: row.status,
  attempts: row.attempts,
  delayMs: row.delay_ms,
  failFirst: row.fail_first,
  drop: row.drop_it === 1,
  rules: JSON.parse(row.rules) as string[],
});

const toAttempt = (row: AttemptRow): DeliveryAttempt => ({
  deliveryId: row.delivery_id,
  attempt: row.attempt,
  at: row.at,
  outcome: row.outcome,
  statusCode: row.status_code,
  detail: row.detail,
  durationMs: row.duration_ms,
});

type DeliveryStore = Pick<
  Store,
  | 'insertDelivery'
  | 'delivery'
  | 'deliveries'
  | 'pendingDeliveries'
  | 'deliveriesOf'
  | 'updateDelivery'
  | 'addDeliveryAttempt'
  | 'deliveryAttempts'
>;

/** The callback deliveries owed, and each attempt at one. */
export function deliveryStore(db: Database.Database, writer: Writer): DeliveryStore {
  const sql = {
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (id, subject_kind, subject_id, target, base_url, created_at, due_at, status,
                               attempts, delay_ms, fail_first, drop_it, rules)
       VALUES (@id, @subjectKind, @subjectId, @target, @baseUrl, @createdAt, @dueAt, @status,
               @attempts, @delayMs, @failFirst, @drop, @rules)`,
    ),
    delivery: db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?'),
    deliveries: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries ORDER BY seq DESC LIMIT ?'),
    pendingDeliveries: db.prepare<[], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'pending' ORDER BY due_at, seq",
    ),
    deliveriesOf: db.prepare<[string], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subject_id = ? ORDER BY seq',
    ),
    updateDelivery: db.prepare('UPDATE deliveries SET status = ?, attempts = ?, due_at = ? WHERE id = ?'),
    addDeliveryAttempt: db.prepare(
      `INSERT INTO delivery_attempts (delivery_id, attempt, at, outcome, status_code, detail, duration_ms)
       VALUES (@deliveryId, @attempt, @at, @outcome, @statusCode, @detail, @durationMs)`,
    ),
    deliveryAttempts: db.prepare<[string], AttemptRow>(
      'SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt, seq',
    ),
  };
  return {
    insertDelivery(delivery) {
      const { subject, drop, rules, ...rest } = delivery;
      writer.write(() =>
        sql.insertDelivery.run({
          ...rest,
          subjectKind: subject.kind,
          subjectId: subject.id,
          drop: drop ? 1 : 0,
          rules: JSON.stringify(rules),
        }),
      );
    },
    delivery(id) {
      const row = sql.delivery.get(id);
      return row && toDelivery(row);
    },
    deliveries: (limit) => sql.deliveries.all(limit).map(toDelivery),
    pendingDeliveries: () => sql.pendingDeliveries.all().map(toDelivery),
    deliveriesOf: (subjectId) => sql.deliveriesOf.all(subjectId).map(toDelivery),
    updateDelivery(id, { status, attempts, dueAt }) {
      writer.write(() => sql.updateDelivery.run(status, attempts, dueAt, id));
    },
    addDeliveryAttempt(attempt) {
      writer.write(() => sql.addDeliveryAttempt.run(attempt));
    },
    deliveryAttempts: (deliveryId) => sql.deliveryAttempts.all(deliveryId).map(toAttempt),
  };
}
