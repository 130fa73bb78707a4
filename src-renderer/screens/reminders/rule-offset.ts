import type { MessageKey } from '../../i18n/messages-en';
import type { MessageVars, PluralKey } from '../../i18n/translate';

/** The part of useI18n() the formatting needs (kept structural so tests need no React). */
interface OffsetI18n {
  t: (key: MessageKey, vars?: MessageVars) => string;
  tn: (key: PluralKey, count: number, vars?: MessageVars) => string;
  locale: string;
}

/** The units a rule's lead is typed in, largest first. */
export const offsetUnits = ['days', 'hours', 'minutes'] as const;
export type OffsetUnit = (typeof offsetUnits)[number];

const UNIT_MINUTES: Record<OffsetUnit, number> = { days: 24 * 60, hours: 60, minutes: 1 };

/** A lead as the editor shows it: the largest unit it is a whole number of (2880 → 2 days, 90 → 90 minutes). */
export function splitOffset(minutes: number): { value: number; unit: OffsetUnit } {
  for (const unit of offsetUnits) {
    const size = UNIT_MINUTES[unit];
    if (minutes > 0 && minutes % size === 0) return { value: minutes / size, unit };
  }
  return { value: minutes, unit: 'minutes' };
}

export function offsetToMinutes(value: number, unit: OffsetUnit): number {
  return Math.round(value * UNIT_MINUTES[unit]);
}

/** 1590 → { days: 1, hours: 2, minutes: 30 }. */
export function offsetParts(minutes: number): Record<OffsetUnit, number> {
  const whole = Math.max(0, Math.round(minutes));
  return {
    days: Math.floor(whole / UNIT_MINUTES.days),
    hours: Math.floor((whole % UNIT_MINUTES.days) / UNIT_MINUTES.hours),
    minutes: whole % UNIT_MINUTES.hours,
  };
}

/** "2 days before", "1 giorno e 6 ore prima", "90 minutes"… in the UI language. */
export function formatOffset(minutes: number, i18n: OffsetI18n): string {
  const parts = offsetParts(minutes);
  const words = offsetUnits.filter((unit) => parts[unit] > 0).map((unit) => i18n.tn(`reminders.unit.${unit}`, parts[unit]));
  const amount = words.length === 0 ? i18n.tn('reminders.unit.minutes', 0) : new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(words);
  return i18n.t('reminders.offset.before', { amount });
}
