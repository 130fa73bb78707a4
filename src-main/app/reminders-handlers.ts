import type { HandlersOf } from '../contract/method-spec';
import type { remindersMethods } from '../contract/reminders-methods';
import { defaultRules } from '../domain/reminders/default-rules';
import { ReminderRulesService } from '../domain/reminders/reminder-rules-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createRemindersHandlers({ db, clock, settings, reminders, log }: HandlerDeps): HandlersOf<typeof remindersMethods> {
  const rules = new ReminderRulesService({ db, clock, settings, actor: API_ACTOR });
  /** A rule or the sending hours changed: every open reminder is re-planned, in the background. */
  const replan = (ruleId?: number) => {
    reminders.planner.replanAll(ruleId === undefined ? {} : { ruleId }).catch((err: unknown) => log.error('re-planning reminders failed', err));
  };
  return {
    'reminders.rules.list': async () => ({ items: await rules.list() }),
    'reminders.rules.create': async (fields) => {
      const rule = await rules.create(fields);
      replan(rule.id);
      return rule;
    },
    'reminders.rules.update': async ({ id, changes }) => {
      const rule = await rules.update(id, changes);
      replan(id);
      return rule;
    },
    'reminders.rules.delete': async ({ id }) => {
      const cancelled = await rules.delete(id);
      reminders.notifyMessagesChanged(cancelled);
      return { cancelledMessages: cancelled.length };
    },
    'reminders.rules.defaults': async () => ({ items: [...defaultRules] }),
    'reminders.settings.get': () => reminders.reminderSettings.get(),
    'reminders.settings.update': async (input) => {
      const updated = await reminders.reminderSettings.update(input, API_ACTOR, clock.now());
      replan();
      return updated;
    },
    'reminders.preview': ({ template, language, appointmentId }) => rules.preview(template, language, appointmentId),
  };
}
