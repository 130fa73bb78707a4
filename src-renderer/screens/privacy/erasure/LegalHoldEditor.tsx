import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { HOLD_REASON_MAX, type LegalHold } from '../../../../src-main/contract/erasure-methods';
import type { ApiError } from '../../../../src-main/contract/errors';
import { useApi } from '../../../api/api-context';
import { toApiError } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { useOffice } from '../../../shell/office-context';
import { addMonths, civilKey } from '../../calendar/civil-date';
import { DateField } from '../../calendar/DateField';
import { officeDateAt } from '../../calendar/office-time';
import { useDateLabels } from './use-date-labels';

/** A clinical record is kept for ten years: what a new hold proposes. */
const DEFAULT_YEARS = 10;

interface LegalHoldEditorProps {
  clientId: number;
  hold: LegalHold | null;
  onChanged: () => void;
}

/** The client's legal hold: what it is, and setting, changing or removing it. */
export function LegalHoldEditor({ clientId, hold, onChanged }: LegalHoldEditorProps) {
  const { t } = useI18n();
  const api = useApi();
  const dates = useDateLabels();
  const { timeZone } = useOffice().settings;
  const [until, setUntil] = useState(() => hold?.until ?? civilKey(addMonths(officeDateAt(Date.now(), timeZone), DEFAULT_YEARS * 12)));
  const [reason, setReason] = useState(hold?.reason ?? '');
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const [error, setError] = useState<ApiError>();
  const fieldError = (field: string) => (error?.field === field ? error.message.replace(`${field}: `, '') : undefined);

  const act = async (kind: 'save' | 'clear') => {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'save') await api['privacy.hold.set']({ clientId, until, reason: reason.trim() });
      else await api['privacy.hold.clear']({ clientId });
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="legal-hold">
      <Text size="sm" c="dimmed">
        {t('privacy-erasure.hold.intro')}
      </Text>
      <Text size="sm" fw={hold?.active ? 600 : undefined}>
        {hold === null
          ? t('privacy-erasure.hold.none')
          : t(hold.active ? 'privacy-erasure.hold.current' : 'privacy-erasure.hold.ended', { date: dates.day(hold.until), reason: hold.reason })}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void act('save');
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('privacy-erasure.hold.until')}
              pickerLabel={t('privacy-erasure.hold.datePicker')}
              value={until}
              error={fieldError('until')}
              onChange={(value) => {
                setUntil(value);
                setError(undefined);
              }}
            />
            <TextInput
              label={t('privacy-erasure.hold.reason')}
              placeholder={t('privacy-erasure.hold.reason.placeholder')}
              value={reason}
              maxLength={HOLD_REASON_MAX}
              error={fieldError('reason')}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setError(undefined);
              }}
            />
          </SimpleGrid>
          {error && error.field === undefined && <ApiErrorAlert error={error} />}
          <Group gap="sm">
            <Button type="submit" variant="default" loading={busy === 'save'} disabled={busy !== null || reason.trim() === ''}>
              {t(hold ? 'privacy-erasure.hold.change' : 'privacy-erasure.hold.save')}
            </Button>
            {hold && (
              <Button variant="subtle" color="gray" loading={busy === 'clear'} disabled={busy !== null} onClick={() => void act('clear')}>
                {t('privacy-erasure.hold.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
