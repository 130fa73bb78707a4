import { describe, expect, it } from 'vitest';
import { OutboxRepository } from '../../../src-main/db/repositories/outbox-repository';
import { openTestDatabase } from '../../support/open-test-database';

async function outboxWith(count: number, nextAttemptAt = 0) {
  const { db } = await openTestDatabase();
  await db.transaction(async (tx) => {
    for (let i = 1; i <= count; i++) {
      await tx.run(
        `INSERT INTO messages (id, kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
         VALUES (?, 'manual', '+393331234567', ?, 'gsm7', 1, 0, ?, 0, 0)`,
        [i, `Messaggio ${i}`, nextAttemptAt + i],
      );
    }
  });
  return { db, outbox: new OutboxRepository(db) };
}

const OPTIONS = { reminders: true, minLeadMs: 0 };

describe('OutboxRepository', () => {
  it('claims only due queued messages, oldest first, counting the attempt and logging the change', async () => {
    const { db, outbox } = await outboxWith(5, 100);
    const { claimed } = await outbox.claim(103, 10, 'smpp', OPTIONS);
    expect(claimed.map((m) => [m.id, m.attempts])).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(await outbox.claim(103, 10, 'smpp', OPTIONS)).toEqual({ claimed: [], closed: [] }); // already sending: never claimed twice
    expect(await db.all("SELECT id, state, transport FROM messages WHERE state = 'sending' ORDER BY id")).toEqual([
      { id: 1, state: 'sending', transport: 'smpp' },
      { id: 2, state: 'sending', transport: 'smpp' },
      { id: 3, state: 'sending', transport: 'smpp' },
    ]);
    expect(await db.get('SELECT count(*) AS n FROM message_events WHERE to_state = ?', ['sending'])).toEqual({ n: 3 });
  });

  it('records submitted, retry-later and failed outcomes with their events in one go', async () => {
    const { db, outbox } = await outboxWith(3);
    await outbox.claim(10, 10, 'smpp', OPTIONS);
    await outbox.record(
      [
        { id: 1, ok: true, references: ['a1', 'a2'] },
        { id: 2, ok: false, to: 'queued', reason: 'ESME_RTHROTTLED', nextAttemptAt: 5000 },
        { id: 3, ok: false, to: 'failed', reason: 'ESME_RINVDSTADR', nextAttemptAt: 0 },
      ],
      20,
      'smpp',
    );
    expect(await db.all('SELECT id, state, transport_ref, error, next_attempt_at, submitted_at FROM messages ORDER BY id')).toEqual([
      { id: 1, state: 'submitted', transport_ref: 'a1 a2', error: null, next_attempt_at: 1, submitted_at: 20 },
      { id: 2, state: 'queued', transport_ref: null, error: 'ESME_RTHROTTLED', next_attempt_at: 5000, submitted_at: null },
      { id: 3, state: 'failed', transport_ref: null, error: 'ESME_RINVDSTADR', next_attempt_at: 0, submitted_at: null },
    ]);
    expect(
      await db.all('SELECT message_id, from_state, to_state, detail FROM message_events WHERE at = 20 ORDER BY message_id'),
    ).toEqual([
      { message_id: 1, from_state: 'sending', to_state: 'submitted', detail: null },
      { message_id: 2, from_state: 'sending', to_state: 'queued', detail: 'ESME_RTHROTTLED' },
      { message_id: 3, from_state: 'sending', to_state: 'failed', detail: 'ESME_RINVDSTADR' },
    ]);
    expect(await db.all('SELECT message_id, part, transport, reference, state FROM message_parts ORDER BY part')).toEqual([
      { message_id: 1, part: 1, transport: 'smpp', reference: 'a1', state: 'submitted' },
      { message_id: 1, part: 2, transport: 'smpp', reference: 'a2', state: 'submitted' },
    ]);
  });

  it('gives a try back when it never reached a channel (link down), so waiting out an outage costs no tries', async () => {
    const { db, outbox } = await outboxWith(2);
    await outbox.claim(10, 10, 'smpp', OPTIONS);
    await outbox.record(
      [
        { id: 1, ok: false, to: 'queued', reason: 'SMPP link down', nextAttemptAt: 20, uncounted: true },
        { id: 2, ok: false, to: 'queued', reason: 'ESME_RTHROTTLED', nextAttemptAt: 20 },
      ],
      20,
      'smpp',
    );
    expect(await db.all('SELECT id, state, attempts FROM messages ORDER BY id')).toEqual([
      { id: 1, state: 'queued', attempts: 0 },
      { id: 2, state: 'queued', attempts: 1 },
    ]);
  });
});
