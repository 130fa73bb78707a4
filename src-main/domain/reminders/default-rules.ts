import type { ReminderRuleFields } from '../../contract/reminders-schemas';
import type { ReminderSettings } from '../../contract/reminders-schemas';

/**
 * The suggested rules. Every character is in the GSM alphabet (è, ì, ù are; the
 * typographic apostrophe is not), so each reminder costs one SMS with a short
 * office name. The texts say when and where, and how to answer; never why.
 */
export const defaultRules: readonly ReminderRuleFields[] = [
  {
    name: '2 giorni prima / 2 days before',
    offsetMinutes: 2 * 24 * 60,
    templateIt:
      'Gentile {first_name}, le ricordiamo l\'appuntamento di {weekday} {date} alle {time} presso {office_name}. Risponda SI per confermare o NO per disdire.',
    templateEn:
      'Dear {first_name}, this is a reminder of your appointment on {weekday} {date} at {time} at {office_name}. Reply YES to confirm or NO to cancel.',
    active: true,
    staffIds: null,
    roomIds: null,
  },
  {
    name: '2 ore prima / 2 hours before',
    offsetMinutes: 2 * 60,
    // No "today": a reminder due in the night's quiet hours goes the evening before.
    templateIt: '{first_name}, la aspettiamo {weekday} alle {time} presso {office_name}. Per informazioni: {office_phone}',
    templateEn: '{first_name}, we look forward to seeing you on {weekday} at {time} at {office_name}. Questions: {office_phone}',
    active: true,
    staffIds: null,
    roomIds: null,
  },
];

/** Quiet from 20:00 to 08:00; a reminder must arrive at least an hour ahead. */
export const defaultReminderSettings: ReminderSettings = {
  quietFrom: '20:00',
  quietTo: '08:00',
  quietSundays: false,
  minLeadMinutes: 60,
  autoAcknowledge: false,
};
