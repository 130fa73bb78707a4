import { Button, ColorInput, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { staffRoles, type StaffMember, type StaffRole, type WorkingHours } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import type { OfficeType } from '../../../src-main/contract/schemas';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { StaffAndRoomsHoursEditor } from './StaffAndRoomsHoursEditor';
import { STAFF_COLOR_SWATCHES as SWATCHES } from '../calendar/staff-colors';

interface StaffDialogProps {
  /** The member to edit, 'new' for a new one, undefined when closed. */
  member: StaffMember | 'new' | undefined;
  opened: boolean;
  onClose: (saved: boolean) => void;
}

export function StaffAndRoomsStaffDialog({ member, opened, onClose }: StaffDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={() => onClose(false)} title={member === 'new' ? t('staffRooms.addStaff') : t('staffRooms.editStaff')} size="lg">
      {member !== undefined && <StaffForm key={member === 'new' ? 'new' : member.id} member={member === 'new' ? undefined : member} onClose={onClose} />}
    </Modal>
  );
}

/** What someone new most likely is, by kind of office. */
const DEFAULT_ROLE: Record<OfficeType, StaffRole> = { dental: 'dentist', legal: 'lawyer', other: 'other' };

/** The usual office week for someone new: Monday to Friday, 09:00–18:00. */
const USUAL_WEEK: WorkingHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '18:00' }));

function StaffForm({ member, onClose }: { member: StaffMember | undefined; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState(member?.name ?? '');
  const { officeType } = useOffice().settings;
  const [role, setRole] = useState<StaffRole>(member?.role ?? DEFAULT_ROLE[officeType]);
  const [color, setColor] = useState(member?.color ?? SWATCHES[0] ?? '#228be6');
  const [active, setActive] = useState(member?.active ?? true);
  const [hours, setHours] = useState<WorkingHours>(member?.workingHours ?? USUAL_WEEK);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    setSaving(true);
    setError(undefined);
    const fields = { name, role, color, active, workingHours: hours };
    try {
      if (member) await api['staff.update']({ id: member.id, changes: fields });
      else await api['staff.create'](fields);
      onClose(true);
    } catch (reason) {
      setError(toApiError(reason));
      setSaving(false);
    }
  };

  const nameError = error?.field?.endsWith('name') ? error.message.replace(/^[\w.]+: /, '') : undefined;
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group grow align="flex-start">
        <TextInput label={t('staffRooms.name')} placeholder={t('staffRooms.staffNameExample')} required data-autofocus maxLength={80} value={name} error={nameError} onChange={(event) => setName(event.currentTarget.value)} />
        <Select
          label={t('staffRooms.role')}
          allowDeselect={false}
          data={staffRoles.map((value) => ({ value, label: t(`staffRole.${value}`) }))}
          value={role}
          onChange={(next) => {
            const chosen = staffRoles.find((candidate) => candidate === next);
            if (chosen) setRole(chosen);
          }}
        />
      </Group>
      <Group grow align="flex-end">
        <ColorInput label={t('staffRooms.color')} format="hex" swatches={SWATCHES} swatchesPerRow={10} value={color} onChange={setColor} />
        <Switch label={t('staffRooms.active')} description={t('staffRooms.activeHint')} checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />
      </Group>
      <StaffAndRoomsHoursEditor value={hours} onChange={setHours} />
      {error && !nameError && <ApiErrorAlert error={error} />}
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
