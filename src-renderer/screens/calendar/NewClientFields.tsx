import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import type { PickedClient } from './ClientPicker';

interface NewClientFieldsProps {
  onCreated: (client: PickedClient) => void;
  onCancel: () => void;
}

/** A new client without leaving the appointment: the names and a mobile, the rest later on the client page. */
export function NewClientFields({ onCreated, onCancel }: NewClientFieldsProps) {
  const { t } = useI18n();
  const api = useApi();
  const [lastName, setLastName] = useState('');
  const [firstName, setFirstName] = useState('');
  const [mobile, setMobile] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const fieldError = (field: string) => (error && error.field === field ? error.message.replace(`${field}: `, '') : undefined);
  const duplicate = error?.code === 'CONFLICT' && error.field === 'mobile';

  const create = async (allowDuplicate: boolean) => {
    setSaving(true);
    setError(undefined);
    try {
      const client = await api['clients.create']({ lastName, firstName, mobile: mobile.trim() || null, allowDuplicate });
      onCreated({ id: client.id, name: `${client.lastName} ${client.firstName}`.trim() });
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('calendar.dialog.newClient')}
        </Text>
        <Group grow gap="xs" align="flex-start">
          <TextInput label={t('calendar.dialog.lastName')} required autoFocus value={lastName} error={fieldError('lastName')} onChange={(event) => setLastName(event.currentTarget.value)} />
          <TextInput label={t('calendar.dialog.firstName')} value={firstName} error={fieldError('firstName')} onChange={(event) => setFirstName(event.currentTarget.value)} />
          <TextInput label={t('calendar.dialog.mobile')} inputMode="tel" value={mobile} error={duplicate ? undefined : fieldError('mobile')} onChange={(event) => setMobile(event.currentTarget.value)} />
        </Group>
        {duplicate && (
          <Text size="sm" c="orange.8">
            {t('calendar.dialog.duplicateMobile')}
          </Text>
        )}
        {error && !error.field && <ApiErrorAlert error={error} />}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('calendar.dialog.cancel')}
          </Button>
          <Button loading={saving} disabled={lastName.trim() === ''} color={duplicate ? 'orange' : undefined} onClick={() => void create(duplicate)}>
            {duplicate ? t('calendar.dialog.addClientAnyway') : t('calendar.dialog.addClient')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
