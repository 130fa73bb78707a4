import { useMemo } from 'react';
import type { Room, StaffMember } from '../../../src-main/contract/calendar-schemas';
import { useApiQuery } from '../../api/use-api-query';

export interface StaffAndRooms {
  staff: readonly StaffMember[];
  rooms: readonly Room[];
  staffName: (id: number) => string;
  roomName: (id: number) => string;
}

/** Every staff member and room, inactive ones too: a rule may still name someone who left. */
export function useStaffAndRooms(): StaffAndRooms {
  const staff = useApiQuery('staff.list', { includeInactive: true }).data?.items;
  const rooms = useApiQuery('rooms.list', { includeInactive: true }).data?.items;
  return useMemo(() => {
    const staffNames = new Map((staff ?? []).map((member) => [member.id, member.name]));
    const roomNames = new Map((rooms ?? []).map((room) => [room.id, room.name]));
    return {
      staff: staff ?? [],
      rooms: rooms ?? [],
      staffName: (id) => staffNames.get(id) ?? `#${String(id)}`,
      roomName: (id) => roomNames.get(id) ?? `#${String(id)}`,
    };
  }, [staff, rooms]);
}
