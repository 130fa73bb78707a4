import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { workingHoursText } from '../calendar/working-hours-text';
import { StaffAndRoomsList } from './StaffAndRoomsList';
import { StaffAndRoomsStaffDialog } from './StaffAndRoomsStaffDialog';

/** The staff list: add, edit, reorder; inactive ones stay listed, dimmed. */
export function StaffAndRoomsStaffList() {
  const { t, locale } = useI18n();
  const api = useApi();
  return (
    <StaffAndRoomsList
      query={useApiQuery('staff.list', { includeInactive: true })}
      reorder={(ids) => api['staff.reorder']({ ids })}
      labels={{ title: t('staffRooms.staff'), add: t('staffRooms.addStaff'), empty: t('staffRooms.noStaff'), inactive: t('staffRooms.inactive') }}
      detail={(member) => [t(`staffRole.${member.role}`), workingHoursText(member.workingHours, locale) || t('staffRooms.noHours')].join(' · ')}
      dialog={({ target, opened, onClose }) => <StaffAndRoomsStaffDialog member={target} opened={opened} onClose={onClose} />}
    />
  );
}
