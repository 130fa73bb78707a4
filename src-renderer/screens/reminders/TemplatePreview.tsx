import { Alert, Badge, Code, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconLock, IconBraces } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Language } from '../../../src-main/contract/schemas';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { characterLabel } from './character-label';

/** Long enough to skip the keystrokes of a word, short enough to follow the typing. */
export const PREVIEW_DEBOUNCE_MS = 250;

/**
 * The SMS as a client will read it, filled in by the core with the next real
 * appointment (or sample data), with what it costs and what is wrong with it.
 */
export function TemplatePreview({ template, language }: { template: string; language: Language }) {
  const { t, tn } = useI18n();
  const [debounced] = useDebouncedValue(template, PREVIEW_DEBOUNCE_MS);
  const { data, error, loading } = useApiQuery('reminders.preview', { template: debounced, language });
  const stale = loading || debounced !== template;

  return (
    <Stack gap="xs" data-testid="template-preview" aria-live="polite" aria-busy={stale}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t('reminders.preview.title')}
        </Text>
        {stale && data && <Loader size={12} />}
      </Group>
      {error && (
        <Text size="sm" c="red">
          {t('reminders.preview.failed', { message: error.message })}
        </Text>
      )}
      {data && template.trim() === '' && (
        <Text size="sm" c="dimmed">
          {t('reminders.preview.empty')}
        </Text>
      )}
      {data && template.trim() !== '' && (
        <>
          <Paper
            radius="lg"
            px="sm"
            py={8}
            maw={380}
            bg="var(--mantine-color-gray-1)"
            data-testid="preview-text"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderEndStartRadius: 4, opacity: stale ? 0.75 : 1 }}
          >
            <Text size="sm">{data.text}</Text>
          </Paper>
          <Group gap={6} wrap="wrap" data-testid="preview-stats">
            <Text size="xs" c="dimmed" className="tabular">
              {tn('reminders.preview.characters', data.characters)} · {tn('reminders.preview.segments', data.segments)} ·
            </Text>
            <Badge size="sm" radius="sm" variant="light" color={data.encoding === 'ucs2' ? 'yellow' : 'gray'} data-testid="preview-encoding">
              {t(`reminders.preview.encoding.${data.encoding}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" data-testid="preview-source">
            {data.source.kind === 'appointment'
              ? t('reminders.preview.sourceAppointment', { name: data.source.clientName })
              : t('reminders.preview.sourceSample')}
          </Text>
          {data.encoding === 'ucs2' && data.nonGsmCharacters.length > 0 && (
            <Warning color="yellow" icon={<IconAlertTriangle size={16} />} title={t('reminders.preview.ucs2.title')} testId="preview-ucs2">
              {t('reminders.preview.ucs2.body')} <Codes items={data.nonGsmCharacters.map(characterLabel)} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('reminders.preview.ucs2.hint')}
              </Text>
            </Warning>
          )}
          {data.unknownPlaceholders.length > 0 && (
            <Warning color="orange" icon={<IconBraces size={16} />} title={t('reminders.preview.unknown.title')} testId="preview-unknown">
              {t('reminders.preview.unknown.body')} <Codes items={data.unknownPlaceholders} />
            </Warning>
          )}
          {data.sensitiveWords.length > 0 && (
            <Warning color="red" icon={<IconLock size={16} />} title={t('reminders.preview.sensitive.title')} testId="preview-sensitive">
              {t('reminders.preview.sensitive.body')} <Codes items={data.sensitiveWords} />
            </Warning>
          )}
        </>
      )}
    </Stack>
  );
}

function Warning({ color, icon, title, testId, children }: { color: string; icon: ReactNode; title: string; testId: string; children: ReactNode }) {
  return (
    <Alert color={color} variant="light" icon={icon} title={title} p="xs" data-testid={testId} styles={{ title: { marginBottom: 2 } }}>
      <Text size="xs" component="div">
        {children}
      </Text>
    </Alert>
  );
}

function Codes({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((item, index) => (
        <span key={item}>
          {index > 0 && ' '}
          <Code fz="xs">{item}</Code>
        </span>
      ))}
    </>
  );
}
