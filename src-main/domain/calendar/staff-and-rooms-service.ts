import type { Room, StaffMember } from '../../contract/calendar-schemas';
import { ApiError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { RoomsRepository, type RoomFields } from '../../db/repositories/rooms-repository';
import { StaffRepository, type StaffFields } from '../../db/repositories/staff-repository';
import type { SqlExecutor } from '../../db/sqlite-connection';
import { appendAudit } from '../../db/repositories/audit-log';

/**
 * Staff and rooms, as set up in Settings. Nobody is deleted: appointments keep
 * pointing at them, so a dentist who leaves is made inactive instead.
 */
export class StaffAndRoomsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly actor: string,
  ) {}

  listStaff(includeInactive: boolean): Promise<StaffMember[]> {
    return new StaffRepository(this.db).list(includeInactive);
  }

  createStaff(fields: StaffFields): Promise<StaffMember> {
    return this.db.transaction(async (tx) => {
      const staff = new StaffRepository(tx);
      const id = await staff.insert(fields, this.now());
      await this.audit(tx, 'staff.create', 'staff', id);
      return found(await staff.get(id), 'staff member', id);
    });
  }

  updateStaff(id: number, changes: Partial<StaffFields>): Promise<StaffMember> {
    return this.db.transaction(async (tx) => {
      const staff = new StaffRepository(tx);
      const current = found(await staff.get(id), 'staff member', id);
      await staff.update(id, { ...current, ...changes }, this.now());
      await this.audit(tx, 'staff.update', 'staff', id);
      return found(await staff.get(id), 'staff member', id);
    });
  }

  reorderStaff(ids: readonly number[]): Promise<StaffMember[]> {
    return this.db.transaction(async (tx) => {
      const staff = new StaffRepository(tx);
      assertSameIds(await staff.ids(), ids);
      await staff.setOrder(ids, this.now());
      await this.audit(tx, 'staff.reorder', 'staff', null);
      return staff.list(true);
    });
  }

  listRooms(includeInactive: boolean): Promise<Room[]> {
    return new RoomsRepository(this.db).list(includeInactive);
  }

  createRoom(fields: RoomFields): Promise<Room> {
    return this.db.transaction(async (tx) => {
      const rooms = new RoomsRepository(tx);
      const id = await rooms.insert(fields, this.now());
      await this.audit(tx, 'room.create', 'room', id);
      return found(await rooms.get(id), 'room', id);
    });
  }

  updateRoom(id: number, changes: Partial<RoomFields>): Promise<Room> {
    return this.db.transaction(async (tx) => {
      const rooms = new RoomsRepository(tx);
      const current = found(await rooms.get(id), 'room', id);
      await rooms.update(id, { ...current, ...changes }, this.now());
      await this.audit(tx, 'room.update', 'room', id);
      return found(await rooms.get(id), 'room', id);
    });
  }

  reorderRooms(ids: readonly number[]): Promise<Room[]> {
    return this.db.transaction(async (tx) => {
      const rooms = new RoomsRepository(tx);
      assertSameIds(await rooms.ids(), ids);
      await rooms.setOrder(ids, this.now());
      await this.audit(tx, 'room.reorder', 'room', null);
      return rooms.list(true);
    });
  }

  private async audit(tx: SqlExecutor, action: string, entity: string, id: number | null): Promise<void> {
    await appendAudit(tx, this.now(), { actor: this.actor, action, entity, ...(id === null ? {} : { entityId: id }) });
  }
}

function found<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw new ApiError('NOT_FOUND', `No ${what} ${String(id)}`);
  return value;
}

/** A new order must name every one exactly once, or some would silently keep a stale place. */
function assertSameIds(existing: readonly number[], given: readonly number[]): void {
  const unique = new Set(given);
  const same = unique.size === given.length && unique.size === existing.length && existing.every((id) => unique.has(id));
  if (!same) throw new ApiError('VALIDATION', 'ids: must list every one exactly once', 'ids');
}
