import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffMember } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { workingHoursText } from '../calendar/working-hours-text';
import { movedOrder, StaffAndRoomsRow } from './StaffAndRoomsRow';
import { StaffAndRoomsStaffDialog } from './StaffAndRoomsStaffDialog';

/** The staff list: add, edit, reorder; inactive ones stay listed, dimmed. */
export function StaffAndRoomsStaffList() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { data, error, reload } = useApiQuery('staff.list', { includeInactive: true });
  // Kept while the dialog fades out, so its title does not change under the user's eyes.
  const [editing, setEditing] = useState<{ target: StaffMember | 'new'; open: boolean }>();
  const [moveError, setMoveError] = useState<ApiError>();
  const staff = data?.items ?? [];

  const move = async (index: number, direction: -1 | 1) => {
    try {
      await api['staff.reorder']({ ids: movedOrder(staff.map((member) => member.id), index, direction) });
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
          {t('staffRooms.staff')}
        </Text>
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ target: 'new', open: true })}>
          {t('staffRooms.addStaff')}
        </Button>
      </Group>
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {moveError && <ApiErrorAlert error={moveError} />}
      {data && staff.length === 0 && (
        <Text size="sm" c="dimmed" py="xs">
          {t('staffRooms.noStaff')}
        </Text>
      )}
      {staff.map((member, index) => (
        <StaffAndRoomsRow
          key={member.id}
          name={member.name}
          color={member.color}
          active={member.active}
          inactiveLabel={t('staffRooms.inactive')}
          detail={[t(`staffRole.${member.role}`), workingHoursText(member.workingHours, locale) || t('staffRooms.noHours')].join(' · ')}
          isFirst={index === 0}
          isLast={index === staff.length - 1}
          onEdit={() => setEditing({ target: member, open: true })}
          onMove={(direction) => void move(index, direction)}
        />
      ))}
      <StaffAndRoomsStaffDialog
        member={editing?.target}
        opened={editing?.open ?? false}
        onClose={(saved) => {
          setEditing((current) => current && { ...current, open: false });
          if (saved) reload();
        }}
      />
    </Stack>
  );
}
