import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { StaffAndRoomsList } from './StaffAndRoomsList';
import { StaffAndRoomsRoomDialog } from './StaffAndRoomsRoomDialog';

/** The rooms list: add, rename, reorder, deactivate. */
export function StaffAndRoomsRoomList() {
  const { t } = useI18n();
  const api = useApi();
  return (
    <StaffAndRoomsList
      query={useApiQuery('rooms.list', { includeInactive: true })}
      reorder={(ids) => api['rooms.reorder']({ ids })}
      labels={{ title: t('staffRooms.rooms'), add: t('staffRooms.addRoom'), empty: t('staffRooms.noRooms'), inactive: t('staffRooms.inactiveRoom') }}
      dialog={({ target, opened, onClose }) => <StaffAndRoomsRoomDialog room={target} opened={opened} onClose={onClose} />}
    />
  );
}
