import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';

/** Intl formatters in the UI language and the office's time zone, built once per change. */
export function useOfficeFormatters() {
  const { locale } = useI18n();
  const { timeZone } = useOffice().settings;
  return useMemo(
    () => ({
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }),
      // Day labels are built from civilNoon() dates, so they are formatted in UTC.
      day: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
      longDay: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      month: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
      /** An instant's day in the office, short: "mar 24 nov". */
      shortDate: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
    }),
    [locale, timeZone],
  );
}
