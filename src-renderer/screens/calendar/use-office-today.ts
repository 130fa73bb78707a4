import { useEffect, useState } from 'react';
import type { CivilDate } from './civil-date';
import { officeDateAt } from './office-time';

/** How often to look at the clock: the screen stays open all day, across midnight. */
const CHECK_EVERY_MS = 60_000;

function sameDay(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Today in the office's time zone, updated when the date changes there. */
export function useOfficeToday(timeZone: string): CivilDate {
  const [today, setToday] = useState(() => officeDateAt(Date.now(), timeZone));
  useEffect(() => {
    const check = () => {
      const now = officeDateAt(Date.now(), timeZone);
      setToday((previous) => (sameDay(previous, now) ? previous : now));
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [timeZone]);
  return today;
}
