import { utcToZoned } from '../../../src-main/domain/time-zone';

/** Instants as the office reads them: on its clocks, in the UI language, shorter when the day goes without saying. */
export interface OfficeWhen {
  /** "14:30". */
  time: (instant: number) => string;
  /** "14:30" on the office's today, "mar 25 nov, 14:30" another day, with the year when not this year. */
  short: (instant: number, now: number) => string;
  /** "martedì 25 novembre 2026, 14:30": an appointment. */
  long: (instant: number) => string;
  /** "martedì 25 novembre 2026, 14:30:05": for timelines, where seconds tell events apart. */
  full: (instant: number) => string;
}

function sameDay(a: number, b: number, timeZone: string): { day: boolean; year: boolean } {
  const x = utcToZoned(a, timeZone);
  const y = utcToZoned(b, timeZone);
  const year = x.year === y.year;
  return { year, day: year && x.month === y.month && x.day === y.day };
}

export function officeWhen(locale: string, timeZone: string): OfficeWhen {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dayTime = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const dayTimeYear = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const longOptions: Intl.DateTimeFormatOptions = { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' };
  const long = new Intl.DateTimeFormat(locale, longOptions);
  const full = new Intl.DateTimeFormat(locale, { ...longOptions, second: '2-digit' });
  return {
    time: (instant) => time.format(instant),
    short: (instant, now) => {
      const same = sameDay(instant, now, timeZone);
      if (same.day) return time.format(instant);
      return (same.year ? dayTime : dayTimeYear).format(instant);
    },
    long: (instant) => long.format(instant),
    full: (instant) => full.format(instant),
  };
}
