import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';

/** Dates and times on the client page: in the UI language and the office's time zone. */
export function useClientFormatters() {
  const { locale } = useI18n();
  const { timeZone } = useOffice().settings;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
    const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    return {
      /** "mar 25 nov 2026, 10:30–11:00" */
      range: (start: number, end: number) => `${dateTime.format(start)}–${time.format(end)}`,
      dateTime: (instant: number) => dateTime.format(instant),
      date: (instant: number) => date.format(instant),
    };
  }, [locale, timeZone]);
}
