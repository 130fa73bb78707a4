import type { Clock } from '../../app/clock';
import { reasonFormats } from '../../contract/message-reasons';
import type { Logger } from '../../app/logger';
import type { ReminderSettings } from '../../contract/reminders-schemas';
import type { Settings } from '../../contract/schemas';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit-log';
import { InboxRepository, type ReplySender } from '../../db/repositories/inbox-repository';
import { MessagesRepository } from '../../db/repositories/messages-repository';
import type { SqlExecutor } from '../../db/sqlite-connection';
import type { InboundSms } from '../../sms/transport';
import { readMobile } from '../clients/phone-number';
import { textCost } from '../reminders/reminder-template';
import { acknowledgement } from './reply-acknowledgements';
import { interpretReply, type ReplyMeaning } from './reply-keywords';

/** Who the audit log and the consent ledger name for what a client did by SMS. */
export const SMS_REPLY_ACTOR = 'client by SMS';

export interface ReplyServiceDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  settings: () => Promise<Settings>;
  reminderSettings: () => Promise<ReminderSettings>;
}

export interface ReplyOutcome {
  inboundId: number;
  meaning: ReplyMeaning;
  clientId: number | null;
  /** The appointment whose status the reply changed. */
  appointmentChanged: number | null;
  /** The client opted out: their pending reminders must be re-planned (cancelled). */
  optedOut: boolean;
  /** An acknowledgement was queued. */
  acknowledgementId: number | null;
}

/**
 * Reads a client's reply and acts on it, all in one transaction: "Sì" confirms the
 * appointment that was reminded, "No" asks to cancel it (staff decide, so it
 * waits in the inbox), "STOP" opts the client out and records it in the consent
 * ledger. Anything else waits in the inbox for staff.
 */
export class ReplyService {
  constructor(private readonly deps: ReplyServiceDeps) {}

  async receive(sms: InboundSms, transport: string): Promise<ReplyOutcome> {
    const office = await this.deps.settings();
    const reminderSettings = await this.deps.reminderSettings();
    const reading = readMobile(sms.from, office.defaultRegion);
    const fromPhone = reading.ok ? reading.e164 : sms.from;
    const meaning = interpretReply(sms.text);
    const now = this.deps.clock.now();

    return this.deps.db.transaction(async (tx) => {
      const inbox = new InboxRepository(tx);
      const sender = await inbox.sender(fromPhone, now);
      const action = await this.act(tx, meaning, sender, now);
      const inboundId = await inbox.insert({
        fromPhone,
        body: sms.text,
        receivedAt: sms.receivedAt,
        transport,
        clientId: sender?.clientId ?? null,
        appointmentId: sender?.appointment?.id ?? null,
        interpretation: meaning,
        handledAt: action.handled ? now : null,
      });
      let acknowledgementId: number | null = null;
      if (reminderSettings.autoAcknowledge && action.acknowledge && meaning !== 'other' && sender && reading.ok) {
        const body = acknowledgement(meaning, sender.language, office.officeName);
        const { encoding, segments } = textCost(body);
        acknowledgementId = await new MessagesRepository(tx).insert(
          { kind: 'reply_ack', clientId: sender.clientId, toPhone: fromPhone, body, encoding, segments, dueAt: now, detail: reasonFormats.acknowledges(inboundId) },
          now,
        );
      }
      return {
        inboundId,
        meaning,
        clientId: sender?.clientId ?? null,
        appointmentChanged: action.appointmentChanged,
        optedOut: action.optedOut,
        acknowledgementId,
      };
    });
  }

  /** What the reply does; `handled` when no one needs to read it, `acknowledge` when it did something to answer. */
  private async act(
    tx: SqlExecutor,
    meaning: ReplyMeaning,
    sender: ReplySender | undefined,
    now: number,
  ): Promise<{ handled: boolean; acknowledge: boolean; appointmentChanged: number | null; optedOut: boolean }> {
    const nothing = { handled: false, acknowledge: false, appointmentChanged: null, optedOut: false };
    if (!sender?.clientId) return nothing;
    const appointment = sender.appointment;
    switch (meaning) {
      case 'confirm':
        // A "Sì" to the second reminder of an appointment already confirmed: nothing for staff to read.
        if (appointment?.status === 'confirmed') return { handled: true, acknowledge: true, appointmentChanged: null, optedOut: false };
        if (appointment?.status !== 'booked') return nothing;
        await this.setStatus(tx, appointment.id, 'confirmed', now);
        return { handled: true, acknowledge: true, appointmentChanged: appointment.id, optedOut: false };
      case 'cancel':
        if (appointment?.status !== 'booked' && appointment?.status !== 'confirmed') return nothing;
        await this.setStatus(tx, appointment.id, 'cancel_requested', now);
        // Staff decide whether to cancel, and call back: it stays in the inbox.
        return { handled: false, acknowledge: true, appointmentChanged: appointment.id, optedOut: false };
      case 'opt_out':
        await tx.run('UPDATE clients SET sms_opt_out = 1, updated_at = ? WHERE id = ?', [now, sender.clientId]);
        await tx.run(
          `INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at) VALUES (?, 'reminders', 0, 'sms_keyword', ?, ?)`,
          [sender.clientId, SMS_REPLY_ACTOR, now],
        );
        await appendAudit(tx, now, { actor: SMS_REPLY_ACTOR, action: 'consents.withdraw', entity: 'client', entityId: sender.clientId, detail: 'reminders, by SMS keyword' });
        return { handled: true, acknowledge: true, appointmentChanged: null, optedOut: true };
      case 'other':
        return nothing;
    }
  }

  private async setStatus(tx: SqlExecutor, appointmentId: number, status: 'confirmed' | 'cancel_requested', now: number): Promise<void> {
    await tx.run('UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?', [status, now, appointmentId]);
    await appendAudit(tx, now, { actor: SMS_REPLY_ACTOR, action: `appointments.${status}`, entity: 'appointment', entityId: appointmentId });
  }
}
