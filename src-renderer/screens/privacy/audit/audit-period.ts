// The audit log is read by the office's days: a period is turned into instants in its time zone.
import { addDays, type CivilDate } from '../../../../src-main/domain/calendar/civil-date';
import { officeDaysRange, type InstantRange } from '../../messages/office-day-range';

export const auditPeriods = ['all', 'today', 'yesterday', 'last7', 'last30', 'custom'] as const;
export type AuditPeriod = (typeof auditPeriods)[number];

/** The instants a period covers, counted from the office's `today`; `custom` uses the typed days. */
export function auditPeriodRange(period: AuditPeriod, today: CivilDate, timeZone: string, custom?: { first: CivilDate; last: CivilDate }): InstantRange {
  switch (period) {
    case 'all':
      return {};
    case 'today':
      return officeDaysRange(today, today, timeZone);
    case 'yesterday':
      return officeDaysRange(addDays(today, -1), addDays(today, -1), timeZone);
    case 'last7':
      return officeDaysRange(addDays(today, -6), today, timeZone);
    case 'last30':
      return officeDaysRange(addDays(today, -29), today, timeZone);
    case 'custom':
      return custom ? officeDaysRange(custom.first, custom.last, timeZone) : {};
  }
}
