import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { useOffice } from '../../../shell/office-context';
import { civilNoon, parseCivilKey } from '../../calendar/civil-date';

export interface DateLabels {
  /** "2036-11-30" → "30 novembre 2036": a day with no zone. */
  day: (key: string) => string;
  /** An instant's day in the office: "23 nov 2024". */
  instantDay: (instant: number) => string;
  /** An instant on the office's clocks: "24 nov 2026, 10:01". */
  instant: (instant: number) => string;
}

/** Dates as the erasure tab shows them, in the UI language and (for instants) the office's time zone. */
export function useDateLabels(): DateLabels {
  const { locale } = useI18n();
  const { timeZone } = useOffice().settings;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    const instantDay = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
    const instant = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    return {
      day: (key) => {
        const date = parseCivilKey(key);
        return date ? day.format(civilNoon(date)) : key;
      },
      instantDay: (at) => instantDay.format(at),
      instant: (at) => instant.format(at),
    };
  }, [locale, timeZone]);
}
