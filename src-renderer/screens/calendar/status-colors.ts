import type { AppointmentStatus } from '../../../src-main/contract/schemas';

/** Each status's Mantine colour: the same family as the calendar's events and the agenda's badges. */
export const statusColors: Record<AppointmentStatus, string> = {
  booked: 'blue',
  confirmed: 'green',
  cancel_requested: 'orange',
  cancelled: 'gray',
  done: 'teal',
  no_show: 'red',
};
