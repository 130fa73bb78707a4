import type { AppointmentStatus } from '../../../src-main/contract/schemas';

/** One colour per status, so the page reads at a glance: red for what went wrong, grey for what no longer counts. */
export const appointmentStatusColor: Record<AppointmentStatus, string> = {
  booked: 'blue',
  confirmed: 'green',
  cancel_requested: 'orange',
  cancelled: 'gray',
  done: 'teal',
  no_show: 'red',
};
