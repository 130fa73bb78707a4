import type { ClientSummary } from '../../contract/clients-schemas';
import type { ClientRecord } from '../../db/repositories/clients-repository';
import { formatPhone } from './phone-number';

/** A stored client as lists and answers show it, the mobile grouped for reading. */
export function toClientSummary(record: ClientRecord): ClientSummary {
  return {
    id: record.id,
    firstName: record.first_name,
    lastName: record.last_name,
    mobile: record.mobile,
    mobileDisplay: record.mobile === null ? null : formatPhone(record.mobile),
    email: record.email,
    language: record.language,
    smsOptOut: record.sms_opt_out === 1,
    archived: record.archived_at !== null,
  };
}
