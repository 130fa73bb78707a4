import { capitalizeFirst } from '../../i18n/capitalize';
import { useI18n } from '../../i18n/i18n-context';
import { addDays, civilNoon, type CivilDate } from './civil-date';
import { visibleDays, type CalendarView } from './calendar-range';
import { useOfficeFormatters } from './use-office-formatters';
import { formatWeekRange } from './week-label';

/** What the toolbar says the calendar shows: "Martedì 24 novembre 2026", "23–29 novembre 2026", "Novembre 2026". */
export function useCalendarLabel(view: CalendarView, anchor: CivilDate): string {
  const { locale } = useI18n();
  const format = useOfficeFormatters();
  if (view === 'day') return capitalizeFirst(format.longDay.format(civilNoon(anchor)));
  if (view === 'month') return capitalizeFirst(format.month.format(civilNoon(anchor)));
  const { first } = visibleDays(view, anchor);
  return formatWeekRange(locale, first, addDays(first, 6));
}
