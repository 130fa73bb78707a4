import { Alert, Badge, Button, Center, ColorSwatch, Group, Loader, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconRepeat, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { MAX_OCCURRENCES, type AppointmentDetail, type Conflict, type Room, type SeriesScope, type StaffMember } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { appointmentStatuses, type AppointmentStatus } from '../../../src-main/contract/schemas';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { changesOf, createRequestOf, formForExisting, formForNew, type AppointmentFormValues } from './appointment-form';
import { ClientPicker } from './ClientPicker';
import { ClockField } from './ClockField';
import { ConflictList } from './ConflictList';
import { DateField } from './DateField';
import { durationOptions } from './duration-options';
import { NewClientFields } from './NewClientFields';
import { RecurrenceFields } from './RecurrenceFields';
import { statusColors } from './status-colors';

/** What the dialog opens on: a new appointment (from a dragged slot or the button) or an existing one. */
export type AppointmentDialogTarget =
  | { kind: 'new'; start: number; end: number; staffId: number | null; roomId: number | null }
  | { kind: 'edit'; id: number };

interface AppointmentDialogProps {
  target: AppointmentDialogTarget | undefined;
  opened: boolean;
  staff: readonly StaffMember[];
  rooms: readonly Room[];
  onClose: () => void;
}

/** Waits this long after the last change before asking the core about conflicts. */
const CONFLICT_CHECK_DEBOUNCE_MS = 200;

export function AppointmentDialog({ target, opened, staff, rooms, onClose }: AppointmentDialogProps) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={target?.kind === 'edit' ? t('calendar.dialog.editTitle') : t('calendar.dialog.newTitle')}
      size="xl"
    >
      {target?.kind === 'new' && (
        <AppointmentForm
          key={`${String(target.start)}-${String(target.staffId)}-${String(target.roomId)}`}
          initial={formForNewTarget(target)}
          staff={staff}
          rooms={rooms}
          onClose={onClose}
        />
      )}
      {target?.kind === 'edit' && <ExistingAppointment key={target.id} id={target.id} staff={staff} rooms={rooms} onClose={onClose} />}
    </Modal>
  );
}

function formForNewTarget(target: Extract<AppointmentDialogTarget, { kind: 'new' }>) {
  return (timeZone: string) => formForNew(target.start, target.end, target.staffId, target.roomId, timeZone);
}

function ExistingAppointment({ id, staff, rooms, onClose }: { id: number; staff: readonly StaffMember[]; rooms: readonly Room[]; onClose: () => void }) {
  const { data, error, reload } = useApiQuery('appointments.get', { id });
  if (error) return <ApiErrorAlert error={error} onRetry={reload} />;
  if (!data) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  return <AppointmentForm detail={data} initial={(timeZone) => formForExisting(data, timeZone)} staff={staff} rooms={rooms} onClose={onClose} />;
}

interface AppointmentFormProps {
  /** Absent for a new appointment. */
  detail?: AppointmentDetail;
  initial: (timeZone: string) => AppointmentFormValues;
  staff: readonly StaffMember[];
  rooms: readonly Room[];
  onClose: () => void;
}

function AppointmentForm({ detail, initial, staff, rooms, onClose }: AppointmentFormProps) {
  const { t, tn } = useI18n();
  const api = useApi();
  const { timeZone } = useOffice().settings;
  const [values, setValues] = useState(() => initial(timeZone));
  const [scope, setScope] = useState<SeriesScope>('one');
  const [addingClient, setAddingClient] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [preview, setPreview] = useState<{ key: string; conflicts: Conflict[] }>({ key: '', conflicts: [] });
  const [checkGeneration, setCheckGeneration] = useState(0);
  const edit = (changes: Partial<AppointmentFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
  };

  const createRequest = detail ? undefined : createRequestOf(values, timeZone);
  const changes = detail ? changesOf(detail, values, timeZone) : undefined;
  const complete = detail ? changes !== undefined : createRequest !== undefined;
  const check = detail
    ? changes && Object.keys(changes).length > 0
      ? { update: { id: detail.id, scope, changes } }
      : undefined
    : createRequest && { create: createRequest };
  const currentKey = check ? JSON.stringify(check) : '';
  const [checkKey] = useDebouncedValue(currentKey, CONFLICT_CHECK_DEBOUNCE_MS);
  // The last answer stays on screen while the next is on its way, so the list does not flicker.
  const conflicts = currentKey ? preview.conflicts : [];
  // "Save anyway" confirms only the conflicts the user has seen for exactly these fields.
  const seenConflicts = preview.key === currentKey && conflicts.length > 0;

  // Conflicts are shown while the user edits, so "Save anyway" is a decision taken in sight of them.
  useEffect(() => {
    if (!checkKey) return;
    let current = true;
    api['appointments.conflicts'](JSON.parse(checkKey) as Parameters<(typeof api)['appointments.conflicts']>[0]).then(
      (result) => {
        if (current) setPreview({ key: checkKey, conflicts: result.conflicts });
      },
      // A half-filled form can be invalid (an end date before the start): the save says why.
      () => {
        if (current) setPreview({ key: checkKey, conflicts: [] });
      },
    );
    return () => {
      current = false;
    };
  }, [api, checkKey, checkGeneration]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    const confirmConflicts = seenConflicts;
    try {
      if (detail && changes) {
        if (Object.keys(changes).length > 0) await api['appointments.update']({ id: detail.id, scope, changes, confirmConflicts });
      } else if (createRequest) {
        await api['appointments.create']({ ...createRequest, confirmConflicts });
      }
      onClose();
    } catch (reason) {
      const failure = toApiError(reason);
      // Someone booked the slot since the last check: show what is there now.
      if (failure.code === 'CONFLICT') setCheckGeneration((n) => n + 1);
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!detail) return;
    setSaving(true);
    try {
      await api['appointments.delete']({ id: detail.id, scope });
      onClose();
    } catch (reason) {
      setError(toApiError(reason));
      setSaving(false);
    }
  };

  const staffOptions = useMemo(() => choices(staff, values.staffId, detail?.staff), [staff, values.staffId, detail]);
  const roomOptions = useMemo(() => choices(rooms, values.roomId, detail?.room), [rooms, values.roomId, detail]);
  const fieldError = (field: string) => (error?.code === 'VALIDATION' && error.field?.replace(/^changes\./, '') === field ? error.message.replace(/^[\w.]+: /, '') : undefined);
  const series = detail?.series;

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <ClientPicker value={values.client} onChange={(client) => edit({ client })} error={fieldError('clientId')} autoFocus={!detail} />
        </div>
        {!addingClient && (
          <Button variant="default" leftSection={<IconUserPlus size={14} />} onClick={() => setAddingClient(true)}>
            {t('calendar.dialog.newClientButton')}
          </Button>
        )}
      </Group>
      {detail && detail.client.noShows > 0 && values.client?.id === detail.client.id && (
        <Group gap="xs">
          <Badge color="red" variant="light" data-testid="no-show-count">
            {tn('calendar.dialog.noShows', detail.client.noShows)}
          </Badge>
        </Group>
      )}
      {addingClient && (
        <NewClientFields
          onCancel={() => setAddingClient(false)}
          onCreated={(client) => {
            edit({ client });
            setAddingClient(false);
          }}
        />
      )}

      <Group grow gap="xs" align="flex-start">
        <Select
          label={t('calendar.dialog.staff')}
          data={staffOptions}
          value={values.staffId === null ? NONE : String(values.staffId)}
          allowDeselect={false}
          error={fieldError('staffId')}
          onChange={(next) => edit({ staffId: next === null || next === NONE ? null : Number(next) })}
        />
        <Select
          label={t('calendar.dialog.room')}
          data={roomOptions}
          value={values.roomId === null ? NONE : String(values.roomId)}
          allowDeselect={false}
          error={fieldError('roomId')}
          onChange={(next) => edit({ roomId: next === null || next === NONE ? null : Number(next) })}
        />
      </Group>

      <Group grow gap="xs" align="flex-start">
        <DateField
          label={t('calendar.dialog.date')}
          placeholder={t('calendar.dialog.datePlaceholder')}
          pickerLabel={t('calendar.nav.jump')}
          required
          value={values.date}
          onChange={(date) => edit({ date })}
        />
        <ClockField label={t('calendar.dialog.time')} required value={values.time} error={fieldError('start')} onChange={(time) => edit({ time })} />
        <Select
          label={t('calendar.dialog.duration')}
          data={durationOptions(values.minutes)}
          value={String(values.minutes)}
          allowDeselect={false}
          error={fieldError('end')}
          onChange={(next) => edit({ minutes: Number(next ?? values.minutes) })}
        />
        <Select
          label={t('calendar.dialog.status')}
          data={appointmentStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          value={values.status}
          allowDeselect={false}
          leftSection={<ColorSwatch size={10} color={`var(--mantine-color-${statusColors[values.status]}-6)`} />}
          renderOption={({ option }) => (
            <Group gap={8} wrap="nowrap">
              <ColorSwatch size={10} color={`var(--mantine-color-${statusColors[option.value as AppointmentStatus]}-6)`} />
              {option.label}
            </Group>
          )}
          onChange={(next) => {
            const status = appointmentStatuses.find((candidate) => candidate === next);
            if (status) edit({ status });
          }}
        />
      </Group>

      <Textarea label={t('calendar.dialog.notes')} autosize minRows={2} maxRows={5} maxLength={2000} value={values.notes} onChange={(event) => edit({ notes: event.currentTarget.value })} />

      {!detail && <RecurrenceFields values={values} onChange={edit} maxCount={MAX_OCCURRENCES} />}
      {!detail && fieldError('recurrence.until') && <Text size="sm" c="red">{fieldError('recurrence.until')}</Text>}
      {series && (
        <Group gap="xs">
          <IconRepeat size={16} />
          <Text size="sm">{t('calendar.dialog.seriesPosition', { position: series.position, count: series.count })}</Text>
          <SegmentedControl
            size="xs"
            value={scope}
            onChange={(next) => setScope(next === 'following' ? 'following' : 'one')}
            data={[
              { value: 'one', label: t('calendar.scope.one') },
              { value: 'following', label: t('calendar.scope.following') },
            ]}
            aria-label={t('calendar.scope.label')}
          />
        </Group>
      )}

      {conflicts.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('calendar.dialog.conflictsTitle')} data-testid="dialog-conflicts">
          <ConflictList conflicts={conflicts} />
        </Alert>
      )}
      {error && !(error.code === 'VALIDATION' && error.field) && <ApiErrorAlert error={error} />}

      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          {detail && !confirmingDelete && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirmingDelete(true)}>
              {t('calendar.dialog.delete')}
            </Button>
          )}
          {detail && confirmingDelete && (
            <>
              <Text size="sm">{scope === 'following' ? t('calendar.dialog.deleteFollowingQuestion') : t('calendar.dialog.deleteQuestion')}</Text>
              <Button color="red" loading={saving} onClick={() => void remove()}>
                {t('calendar.dialog.deleteConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirmingDelete(false)}>
                {t('calendar.dialog.keep')}
              </Button>
            </>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('calendar.dialog.cancel')}
          </Button>
          <Button type="submit" loading={saving} disabled={!complete} color={seenConflicts ? 'orange' : undefined}>
            {seenConflicts ? t('calendar.dialog.saveAnyway') : t('calendar.dialog.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The "none" choice in the staff and room lists (a Select value must be a string). */
const NONE = 'none';

/** Active staff or rooms, plus the inactive one this appointment already has, plus "none". */
function choices(
  entries: readonly { id: number; name: string }[],
  selected: number | null,
  existing: { id: number; name: string } | null | undefined,
): { value: string; label: string }[] {
  const options = entries.map((entry) => ({ value: String(entry.id), label: entry.name }));
  for (const keep of [existing, selected === null ? undefined : { id: selected, name: `#${String(selected)}` }]) {
    if (keep && !options.some((option) => option.value === String(keep.id))) options.push({ value: String(keep.id), label: keep.name });
  }
  return [{ value: NONE, label: '—' }, ...options];
}
