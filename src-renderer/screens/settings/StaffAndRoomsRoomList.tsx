import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Room } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { StaffAndRoomsRoomDialog } from './StaffAndRoomsRoomDialog';
import { movedOrder, StaffAndRoomsRow } from './StaffAndRoomsRow';

/** The rooms list: add, rename, reorder, deactivate. */
export function StaffAndRoomsRoomList() {
  const { t } = useI18n();
  const api = useApi();
  const { data, error, reload } = useApiQuery('rooms.list', { includeInactive: true });
  // Kept while the dialog fades out, so its title does not change under the user's eyes.
  const [editing, setEditing] = useState<{ target: Room | 'new'; open: boolean }>();
  const [moveError, setMoveError] = useState<ApiError>();
  const rooms = data?.items ?? [];

  const move = async (index: number, direction: -1 | 1) => {
    try {
      await api['rooms.reorder']({ ids: movedOrder(rooms.map((room) => room.id), index, direction) });
      setMoveError(undefined);
    } catch (reason) {
      setMoveError(toApiError(reason));
    }
    reload();
  };

  return (
    <Stack gap={0}>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('staffRooms.rooms')}
        </Text>
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ target: 'new', open: true })}>
          {t('staffRooms.addRoom')}
        </Button>
      </Group>
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {moveError && <ApiErrorAlert error={moveError} />}
      {data && rooms.length === 0 && (
        <Text size="sm" c="dimmed" py="xs">
          {t('staffRooms.noRooms')}
        </Text>
      )}
      {rooms.map((room, index) => (
        <StaffAndRoomsRow
          key={room.id}
          name={room.name}
          color={room.color}
          active={room.active}
          inactiveLabel={t('staffRooms.inactiveRoom')}
          isFirst={index === 0}
          isLast={index === rooms.length - 1}
          onEdit={() => setEditing({ target: room, open: true })}
          onMove={(direction) => void move(index, direction)}
        />
      ))}
      <StaffAndRoomsRoomDialog
        room={editing?.target}
        opened={editing?.open ?? false}
        onClose={(saved) => {
          setEditing((current) => current && { ...current, open: false });
          if (saved) reload();
        }}
      />
    </Stack>
  );
}
