import type {
  AppointmentCreate,
  AppointmentDetail,
  AppointmentUpdate,
  Conflict,
  SeriesScope,
  StaffMember,
} from '../../contract/calendar-schemas';
import { ApiError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { AppointmentsRepository, type AppointmentRow } from '../../db/repositories/appointments-repository';
import { RoomsRepository } from '../../db/repositories/rooms-repository';
import { StaffRepository } from '../../db/repositories/staff-repository';
import type { SqlExecutor } from '../../db/sqlite-connection';
import { conflictsOf, type Placement } from './conflict-rules';
import { expandRecurrence } from './recurrence';
import { planRowsUpdate } from './series-update-plan';
import { appendAudit } from '../../db/repositories/audit-log';

export interface AppointmentServiceDeps {
  db: Database;
  /** The office time zone, read at each call so a settings change applies at once. */
  timeZone: () => Promise<string>;
  now: () => number;
  /** A fresh id for a new series. */
  newSeriesId: () => string;
  /** Who the audit log names. */
  actor: string;
}

export interface WriteResult {
  appointment: AppointmentDetail;
  /** Every appointment written or removed, for the change event. */
  ids: number[];
  conflicts: Conflict[];
}

/** A planned write: the rows as they would be, and what they would run into. */
interface Plan<R> {
  rows: R[];
  conflicts: Conflict[];
}

/**
 * Books, moves and removes appointments. Conflicts are computed and the rows
 * written in one transaction, so two receptionists cannot book the same chair in
 * the gap between the check and the write.
 */
export class AppointmentService {
  constructor(private readonly deps: AppointmentServiceDeps) {}

  async create(input: AppointmentCreate, confirmConflicts: boolean): Promise<WriteResult> {
    const timeZone = await this.deps.timeZone();
    return this.deps.db.transaction(async (tx) => {
      const plan = await this.planCreate(tx, input, timeZone);
      refuseUnconfirmed(plan.conflicts, confirmConflicts);
      const appointments = new AppointmentsRepository(tx);
      const now = this.deps.now();
      const seriesId = plan.rows.length > 1 ? this.deps.newSeriesId() : null;
      const ids: number[] = [];
      for (const row of plan.rows) ids.push(await appointments.insert({ ...row, seriesId }, now));
      await audit(tx, now, this.deps.actor, 'appointment.create', ids, plan.conflicts.length);
      return { appointment: await detailOf(appointments, ids[0]), ids, conflicts: plan.conflicts };
    });
  }

  async update(input: AppointmentUpdate, confirmConflicts: boolean): Promise<WriteResult> {
    const timeZone = await this.deps.timeZone();
    return this.deps.db.transaction(async (tx) => {
      const plan = await this.planUpdate(tx, input, timeZone);
      refuseUnconfirmed(plan.conflicts, confirmConflicts);
      const appointments = new AppointmentsRepository(tx);
      const now = this.deps.now();
      let rows = plan.rows;
      // Moving "this and following" from the middle of a series starts a series of its own
      // (a new arrangement from that day on); other changes keep the series whole.
      const first = rows[0];
      const retimed = input.changes.start !== undefined || input.changes.end !== undefined;
      if (
        input.scope === 'following' &&
        retimed &&
        first?.seriesId &&
        (await appointments.seriesSize(first.seriesId)) > rows.length
      ) {
        const seriesId = rows.length > 1 ? this.deps.newSeriesId() : null;
        rows = rows.map((row) => ({ ...row, seriesId }));
      }
      for (const row of rows) await appointments.update(row, now);
      const ids = rows.map((row) => row.id);
      await audit(tx, now, this.deps.actor, 'appointment.update', ids, plan.conflicts.length);
      return { appointment: await detailOf(appointments, input.id), ids, conflicts: plan.conflicts };
    });
  }

  async delete(id: number, scope: SeriesScope): Promise<number[]> {
    return this.deps.db.transaction(async (tx) => {
      const appointments = new AppointmentsRepository(tx);
      const ids = (await this.rowsInScope(appointments, id, scope)).map((row) => row.id);
      await appointments.delete(ids);
      await audit(tx, this.deps.now(), this.deps.actor, 'appointment.delete', ids, 0);
      return ids;
    });
  }

  /** What a create or an update would run into, without writing anything. */
  async conflicts(request: { create: AppointmentCreate } | { update: AppointmentUpdate }): Promise<Conflict[]> {
    const timeZone = await this.deps.timeZone();
    const plan =
      'create' in request
        ? await this.planCreate(this.deps.db, request.create, timeZone)
        : await this.planUpdate(this.deps.db, request.update, timeZone);
    return plan.conflicts;
  }

  async get(id: number): Promise<AppointmentDetail> {
    return detailOf(new AppointmentsRepository(this.deps.db), id);
  }

  private async planCreate(sql: SqlExecutor, input: AppointmentCreate, timeZone: string): Promise<Plan<Omit<AppointmentRow, 'id'>>> {
    if (!(await new AppointmentsRepository(sql).clientIsBookable(input.clientId))) {
      throw new ApiError('VALIDATION', 'clientId: no such client', 'clientId');
    }
    const refs = new References(sql);
    await refs.check(input.staffId, input.roomId, '');
    const starts = input.recurrence ? expandRecurrence(input.start, input.recurrence, timeZone) : [input.start];
    const length = input.end - input.start;
    const rows = starts.map((start) => ({
      clientId: input.clientId,
      staffId: input.staffId,
      roomId: input.roomId,
      start,
      end: start + length,
      status: input.status,
      seriesId: null,
      notes: input.notes,
    }));
    const toCheck = input.status === 'cancelled' ? [] : rows;
    return { rows, conflicts: await conflictsFor(sql, refs, toCheck, new Set(), timeZone) };
  }

  private async planUpdate(sql: SqlExecutor, input: AppointmentUpdate, timeZone: string): Promise<Plan<AppointmentRow>> {
    const appointments = new AppointmentsRepository(sql);
    const before = await this.rowsInScope(appointments, input.id, input.scope);
    const target = before.find((row) => row.id === input.id);
    if (!target) throw notFound(input.id);
    const { changes } = input;
    if (changes.clientId !== undefined && !(await appointments.clientIsBookable(changes.clientId))) {
      throw new ApiError('VALIDATION', 'changes.clientId: no such client', 'changes.clientId');
    }
    const refs = new References(sql);
    await refs.check(changes.staffId ?? null, changes.roomId ?? null, 'changes.');
    const after = planRowsUpdate(target, before, changes, timeZone);
    // Only what moves, or comes back from a cancellation, can newly conflict: a status
    // change on an appointment the user already accepted must not be refused again.
    const toCheck = after.filter((row, index) => {
      const old = before[index];
      if (!old || row.status === 'cancelled') return false;
      return (
        old.status === 'cancelled' ||
        old.start !== row.start ||
        old.end !== row.end ||
        old.staffId !== row.staffId ||
        old.roomId !== row.roomId
      );
    });
    const moving = new Set(before.map((row) => row.id));
    return { rows: after, conflicts: await conflictsFor(sql, refs, toCheck, moving, timeZone) };
  }

  private async rowsInScope(appointments: AppointmentsRepository, id: number, scope: SeriesScope): Promise<AppointmentRow[]> {
    const target = await appointments.get(id);
    if (!target) throw notFound(id);
    if (scope === 'one' || target.seriesId === null) return [target];
    return appointments.seriesFrom(target.seriesId, target.start);
  }
}

/** Looks up staff and rooms once per plan; a series names the same few again and again. */
class References {
  private readonly staff = new Map<number, StaffMember | undefined>();
  private readonly rooms = new Map<number, { id: number; name: string } | undefined>();

  constructor(private readonly sql: SqlExecutor) {}

  async staffMember(id: number): Promise<StaffMember | undefined> {
    if (!this.staff.has(id)) this.staff.set(id, await new StaffRepository(this.sql).get(id));
    return this.staff.get(id);
  }

  async room(id: number): Promise<{ id: number; name: string } | undefined> {
    if (!this.rooms.has(id)) this.rooms.set(id, await new RoomsRepository(this.sql).get(id));
    return this.rooms.get(id);
  }

  /** Refuses a staff member or room that does not exist (`prefix` names the input field). */
  async check(staffId: number | null, roomId: number | null, prefix: string): Promise<void> {
    if (staffId !== null && !(await this.staffMember(staffId))) {
      throw new ApiError('VALIDATION', `${prefix}staffId: no such staff member`, `${prefix}staffId`);
    }
    if (roomId !== null && !(await this.room(roomId))) {
      throw new ApiError('VALIDATION', `${prefix}roomId: no such room`, `${prefix}roomId`);
    }
  }
}

async function conflictsFor(
  sql: SqlExecutor,
  refs: References,
  rows: readonly Omit<AppointmentRow, 'id'>[],
  moving: ReadonlySet<number>,
  timeZone: string,
): Promise<Conflict[]> {
  const appointments = new AppointmentsRepository(sql);
  const conflicts: Conflict[] = [];
  for (const row of rows) {
    const staff = row.staffId === null ? undefined : await refs.staffMember(row.staffId);
    const room = row.roomId === null ? undefined : await refs.room(row.roomId);
    const placement: Placement = {
      start: row.start,
      end: row.end,
      staff: staff ? { id: staff.id, name: staff.name } : null,
      room: room ? { id: room.id, name: room.name } : null,
    };
    // Rows that move together (a series) are not in each other's way.
    const busy = (await appointments.busyAround(row.staffId, row.roomId, row.start, row.end)).filter((other) => !moving.has(other.id));
    conflicts.push(...conflictsOf(placement, busy, staff?.workingHours, timeZone));
  }
  return conflicts;
}

function refuseUnconfirmed(conflicts: readonly Conflict[], confirmed: boolean): void {
  if (conflicts.length === 0 || confirmed) return;
  const count = (kind: Conflict['kind']) => conflicts.filter((conflict) => conflict.kind === kind).length;
  const parts = [
    [count('room_busy'), 'room already taken'],
    [count('staff_busy'), 'staff member already busy'],
    [count('outside_working_hours'), 'outside working hours'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, what]) => `${String(n)} × ${String(what)}`);
  throw new ApiError('CONFLICT', `Conflicts: ${parts.join(', ')}. Confirm to go ahead anyway.`);
}

async function detailOf(appointments: AppointmentsRepository, id: number | undefined): Promise<AppointmentDetail> {
  const detail = id === undefined ? undefined : await appointments.detail(id);
  if (!detail) throw notFound(id ?? 0);
  return detail;
}

function notFound(id: number): ApiError {
  return new ApiError('NOT_FOUND', `No appointment ${String(id)}`);
}

/** Ids and counts only: the audit log never holds names or notes. */
async function audit(sql: SqlExecutor, now: number, actor: string, action: string, ids: readonly number[], conflictsAccepted: number): Promise<void> {
  await appendAudit(sql, now, {
    actor,
    action,
    entity: 'appointment',
    ...(ids[0] === undefined ? {} : { entityId: ids[0] }),
    detail: JSON.stringify({ count: ids.length, conflictsAccepted }),
  });
}
