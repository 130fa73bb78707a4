import { Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { RetentionRun, RetentionSettings, RetentionState } from '../../../../src-main/contract/erasure-methods';
import type { ApiError } from '../../../../src-main/contract/errors';
import { useApi } from '../../../api/api-context';
import { toApiError, useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { useDateLabels } from './use-date-labels';

/** How long SMS texts, replies and audit entries are kept; the daily pass, "Run now" and what the last pass removed. */
export function RetentionCard() {
  const { t } = useI18n();
  const query = useApiQuery('privacy.retention.get', {});
  return (
    <Card withBorder padding="md" data-testid="retention">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('privacy-erasure.retention.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('privacy-erasure.retention.intro')}
        </Text>
        {query.error && !query.data && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {!query.data && !query.error && <Loader size="sm" />}
        {query.data && <RetentionForm loaded={query.data} />}
      </Stack>
    </Card>
  );
}

type Field = keyof RetentionSettings;
const FIELDS: { key: Field; label: 'privacy-erasure.retention.messageTexts' | 'privacy-erasure.retention.replies' | 'privacy-erasure.retention.auditLog'; max: number }[] = [
  { key: 'messageMonths', label: 'privacy-erasure.retention.messageTexts', max: 120 },
  { key: 'repliesMonths', label: 'privacy-erasure.retention.replies', max: 120 },
  { key: 'auditYears', label: 'privacy-erasure.retention.auditLog', max: 30 },
];

function RetentionForm({ loaded }: { loaded: RetentionState }) {
  const { t } = useI18n();
  const api = useApi();
  const [stored, setStored] = useState(loaded.settings);
  const [draft, setDraft] = useState<Record<Field, number | ''>>(loaded.settings);
  const [lastRun, setLastRun] = useState(loaded.lastRun);
  const [busy, setBusy] = useState<'save' | 'run' | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();

  const complete = FIELDS.every(({ key }) => draft[key] !== '');
  const dirty = FIELDS.some(({ key }) => draft[key] !== stored[key]);
  const fieldError = (key: Field) => (error?.field === key ? error.message.replace(`${key}: `, '') : undefined);

  const save = async () => {
    setBusy('save');
    setError(undefined);
    try {
      const state = await api['privacy.retention.update']({
        messageMonths: Number(draft.messageMonths),
        repliesMonths: Number(draft.repliesMonths),
        auditYears: Number(draft.auditYears),
      });
      setStored(state.settings);
      setDraft(state.settings);
      setSaved(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    setBusy('run');
    setError(undefined);
    try {
      setLastRun(await api['privacy.retention.run']({}));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {FIELDS.map(({ key, label, max }) => (
              <NumberInput
                key={key}
                label={t(label)}
                min={1}
                max={max}
                allowDecimal={false}
                allowNegative={false}
                value={draft[key]}
                error={fieldError(key)}
                onChange={(value) => {
                  setDraft((current) => ({ ...current, [key]: value === '' ? '' : Number(value) }));
                  setSaved(false);
                  setError(undefined);
                }}
              />
            ))}
          </SimpleGrid>
          {error && !FIELDS.some(({ key }) => key === error.field) && <ApiErrorAlert error={error} />}
          <Group gap="sm">
            <Button type="submit" variant="default" loading={busy === 'save'} disabled={!dirty || !complete || busy !== null}>
              {t('privacy-erasure.retention.save')}
            </Button>
            {saved && !dirty && (
              <Group gap={4} c="green" role="status">
                <IconCheck size={16} />
                <Text size="sm">{t('privacy-erasure.retention.saved')}</Text>
              </Group>
            )}
            <Button
              ml="auto"
              variant="light"
              leftSection={<IconPlayerPlay size={16} />}
              loading={busy === 'run'}
              disabled={busy !== null || dirty}
              onClick={() => void run()}
            >
              {t('privacy-erasure.retention.run')}
            </Button>
          </Group>
        </Stack>
      </form>
      <LastRun run={lastRun} />
    </Stack>
  );
}

function LastRun({ run }: { run: RetentionRun | null }) {
  const { t, tn } = useI18n();
  const dates = useDateLabels();
  if (!run) {
    return (
      <Text size="sm" c="dimmed" data-testid="retention-last-run">
        {t('privacy-erasure.retention.never')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="retention-last-run">
      <Text size="sm" fw={600}>
        {t('privacy-erasure.retention.lastRun', { when: dates.instant(run.at), trigger: t(`privacy-erasure.retention.trigger.${run.trigger}`) })}
      </Text>
      <Text size="sm">
        {t('privacy-erasure.retention.removed', { texts: run.removed.messageTexts, replies: run.removed.replies, audit: run.removed.auditEntries })}
        {run.heldBack > 0 && ` ${tn('privacy-erasure.retention.heldBack', run.heldBack)}`}
      </Text>
      <Text size="xs" c="dimmed">
        {t('privacy-erasure.retention.cutoffs', {
          texts: dates.instantDay(run.cutoffs.messageTexts),
          replies: dates.instantDay(run.cutoffs.replies),
          audit: dates.instantDay(run.cutoffs.auditLog),
        })}
      </Text>
    </Stack>
  );
}
