import type { Clock } from '../../app/clock';
import { messageReasons } from '../../contract/message-reasons';
import { ApiError } from '../../contract/errors';
import type { ReminderRule, ReminderRuleFields, TemplatePreview } from '../../contract/reminders-schemas';
import type { Language } from '../../contract/schemas';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit-log';
import { ReminderPlanRepository } from '../../db/repositories/reminder-plan-repository';
import { ReminderRulesRepository } from '../../db/repositories/reminder-rules-repository';
import { formatPhone } from '../clients/phone-number';
import type { SettingsService } from '../settings-service';
import { renderTemplate, textCost, unknownPlaceholders } from './reminder-template';
import { sensitiveWords } from './sensitive-words';

/** What the preview shows when the office has no upcoming appointment yet. */
const SAMPLE = { firstName: 'Maria', staffName: 'Dott. Bianchi', daysAhead: 2 };

export interface RulesServiceDeps {
  db: Database;
  clock: Clock;
  settings: SettingsService;
  actor: string;
}

/** Reminder rules: stored, audited, and previewed with real data. Re-planning after a change is the caller's. */
export class ReminderRulesService {
  constructor(private readonly deps: RulesServiceDeps) {}

  list(): Promise<ReminderRule[]> {
    return new ReminderRulesRepository(this.deps.db).list();
  }

  create(fields: ReminderRuleFields): Promise<ReminderRule> {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const rules = new ReminderRulesRepository(tx);
      const id = await rules.insert(fields, now);
      await appendAudit(tx, now, { actor: this.deps.actor, action: 'reminders.rules.create', entity: 'reminder_rule', entityId: id });
      return (await rules.get(id)) as ReminderRule;
    });
  }

  update(id: number, changes: Partial<ReminderRuleFields>): Promise<ReminderRule> {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const rules = new ReminderRulesRepository(tx);
      const current = await rules.get(id);
      if (!current) throw new ApiError('NOT_FOUND', `No reminder rule ${String(id)}`);
      const { id: _id, ...fields } = current;
      await rules.update(id, { ...fields, ...changes }, now);
      await appendAudit(tx, now, { actor: this.deps.actor, action: 'reminders.rules.update', entity: 'reminder_rule', entityId: id, detail: Object.keys(changes).sort().join(',') });
      return (await rules.get(id)) as ReminderRule;
    });
  }

  /** Cancels the rule's pending reminders first: once the rule is gone they would have no key to be planned by. */
  delete(id: number): Promise<number[]> {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const rules = new ReminderRulesRepository(tx);
      if (!(await rules.get(id))) throw new ApiError('NOT_FOUND', `No reminder rule ${String(id)}`);
      const pending = await tx.all<{ id: number }>(`SELECT id FROM messages WHERE rule_id = ? AND state = 'queued'`, [id]);
      const ids = JSON.stringify(pending.map((row) => row.id));
      await tx.run(
        `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
         SELECT value, ?, 'queued', 'cancelled', ? FROM json_each(?)`,
        [now, messageReasons.ruleDeleted, ids],
      );
      await tx.run(
        `UPDATE messages SET state = 'cancelled', error = ?, updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?))`,
        [messageReasons.ruleDeleted, now, ids],
      );
      await rules.delete(id);
      await appendAudit(tx, now, { actor: this.deps.actor, action: 'reminders.rules.delete', entity: 'reminder_rule', entityId: id, detail: `${pending.length} cancelled` });
      return pending.map((row) => row.id);
    });
  }

  /** The template filled with an appointment of the office (the next one by default), or sample data when there is none. */
  async preview(template: string, language: Language, appointmentId?: number): Promise<TemplatePreview> {
    const office = await this.deps.settings.get();
    const plans = new ReminderPlanRepository(this.deps.db);
    const now = this.deps.clock.now();
    const id = appointmentId ?? (await plans.nextUpcoming(now));
    const [appointment] = id === undefined ? [] : await plans.appointments([id]);
    if (appointmentId !== undefined && !appointment) throw new ApiError('NOT_FOUND', `No appointment ${String(appointmentId)}`, 'appointmentId');
    const base = {
      timeZone: office.timeZone,
      officeName: office.officeName || (language === 'it' ? 'Studio Esempio' : 'Example Office'),
      officePhone: office.officePhone === '' ? '+39 06 1234 5678' : formatPhone(office.officePhone),
    };
    const data = appointment
      ? { ...base, firstName: appointment.firstName, start: appointment.start, staffName: appointment.staffName ?? '' }
      : { ...base, firstName: SAMPLE.firstName, staffName: SAMPLE.staffName, start: now + SAMPLE.daysAhead * 86_400_000 };
    const text = renderTemplate(template, data, language);
    return {
      text,
      ...textCost(text),
      unknownPlaceholders: unknownPlaceholders(template),
      sensitiveWords: sensitiveWords(template),
      source: appointment
        ? { kind: 'appointment', appointmentId: appointment.id, clientName: appointment.firstName }
        : { kind: 'sample' },
    };
  }
}
