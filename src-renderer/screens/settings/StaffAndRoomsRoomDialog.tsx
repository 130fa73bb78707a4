import { Button, ColorInput, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Room } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { STAFF_COLOR_SWATCHES as SWATCHES } from '../calendar/staff-colors';

interface RoomDialogProps {
  /** The room to edit, 'new' for a new one, undefined when closed. */
  room: Room | 'new' | undefined;
  opened: boolean;
  onClose: (saved: boolean) => void;
}

export function StaffAndRoomsRoomDialog({ room, opened, onClose }: RoomDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={() => onClose(false)} title={room === 'new' ? t('staffRooms.addRoom') : t('staffRooms.editRoom')}>
      {room !== undefined && <RoomForm key={room === 'new' ? 'new' : room.id} room={room === 'new' ? undefined : room} onClose={onClose} />}
    </Modal>
  );
}

function RoomForm({ room, onClose }: { room: Room | undefined; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState(room?.name ?? '');
  const [color, setColor] = useState(room?.color ?? '#868e96');
  const [active, setActive] = useState(room?.active ?? true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      if (room) await api['rooms.update']({ id: room.id, changes: { name, color, active } });
      else await api['rooms.create']({ name, color, active });
      onClose(true);
    } catch (reason) {
      setError(toApiError(reason));
      setSaving(false);
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save();
      }}
    >
      <TextInput label={t('staffRooms.name')} placeholder={t('staffRooms.roomNameExample')} required data-autofocus maxLength={80} value={name} onChange={(event) => setName(event.currentTarget.value)} />
      <ColorInput label={t('staffRooms.color')} format="hex" swatches={SWATCHES} swatchesPerRow={10} value={color} onChange={setColor} />
      <Switch label={t('staffRooms.activeRoom')} description={t('staffRooms.activeRoomHint')} checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />
      {error && <ApiErrorAlert error={error} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => onClose(false)}>
          {t('calendar.dialog.cancel')}
        </Button>
        <Button type="submit" loading={saving} disabled={name.trim() === ''}>
          {t('calendar.dialog.save')}
        </Button>
      </Group>
    </Stack>
  );
}
