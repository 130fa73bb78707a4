import type { Period } from '../../messages/office-day-range';

/** The periods the audit log is read by: back in time only, a month at most before typing days. */
export const auditPeriods = ['all', 'today', 'yesterday', 'last7', 'last30', 'custom'] as const satisfies readonly Period[];
export type AuditPeriod = (typeof auditPeriods)[number];
