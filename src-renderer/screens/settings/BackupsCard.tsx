import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupEntry } from '../../../src-main/contract/backups-methods';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

function byteSize(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024 * 1024) return format(Math.max(1, Math.round(bytes / 1024)), 'KB');
  return format(bytes / (1024 * 1024), 'MB');
}

/** The backups: where they go, the copies there, "Back up now" and "Restore…" (finished at the next start). */
export function BackupsCard() {
  const { t, locale } = useI18n();
  const api = useApi();
  const list = useApiQuery('backups.list', {});
  const settings = useApiQuery('backups.settings.get', {});
  // What the person is typing; undefined shows the saved folder.
  const [folderDraft, setFolderDraft] = useState<string>();
  const folder = folderDraft ?? settings.data?.folder ?? '';
  const [busy, setBusy] = useState<'folder' | 'run' | 'restore'>();
  const [error, setError] = useState<ApiError>();
  const [note, setNote] = useState<string>();
  const [confirming, setConfirming] = useState<BackupEntry>();

  const when = (at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  const act = async (what: 'folder' | 'run' | 'restore', call: () => Promise<string | undefined>) => {
    setBusy(what);
    setError(undefined);
    setNote(undefined);
    try {
      setNote(await call());
      list.reload();
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setBusy(undefined);
    }
  };

  const saveFolder = () =>
    act('folder', async () => {
      await api['backups.settings.update']({ folder: folder.trim() === '' ? null : folder.trim() });
      settings.reload();
      setFolderDraft(undefined);
      return t('backups.folder.saved');
    });
  const runNow = () => act('run', async () => t('backups.runNow.done', { file: (await api['backups.runNow']({})).file }));
  const restore = (entry: BackupEntry) =>
    act('restore', async () => {
      setConfirming(undefined);
      await api['backups.restore']({ file: entry.file, location: entry.location });
      return undefined;
    });

  const backups = list.data?.backups ?? [];
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('backups.title')}</Text>
          <Button size="xs" leftSection={<IconDatabaseExport size={16} />} loading={busy === 'run'} onClick={() => void runNow()}>
            {t('backups.runNow')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('backups.purpose')}
        </Text>
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('backups.folder')}
            description={t('backups.folder.help')}
            placeholder={t('backups.folder.placeholder')}
            value={folder}
            onChange={(event) => setFolderDraft(event.currentTarget.value)}
            error={error?.field === 'folder' ? error.message : undefined}
            style={{ flex: 1 }}
          />
          <Button variant="default" loading={busy === 'folder'} disabled={folder.trim() === (settings.data?.folder ?? '')} onClick={() => void saveFolder()}>
            {t('backups.folder.save')}
          </Button>
        </Group>
        {list.data?.restorePending && (
          <Alert color="orange" role="status">
            {t('backups.restore.pending')}
          </Alert>
        )}
        {note && (
          <Text size="sm" c="green" role="status">
            {note}
          </Text>
        )}
        {error && error.field !== 'folder' && <ApiErrorAlert error={error} />}
        {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
        {confirming && (
          <Alert color="orange" title={t('backups.restore.confirmTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('backups.restore.confirmText', { when: when(confirming.at) })}</Text>
              <Group gap="xs">
                <Button color="orange" size="xs" loading={busy === 'restore'} onClick={() => void restore(confirming)}>
                  {t('backups.restore.confirm')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(undefined)}>
                  {t('backups.restore.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {backups.length === 0 && !list.loading ? (
          <Text size="sm" c="dimmed">
            {t('backups.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={t('backups.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.column.date')}</Table.Th>
                <Table.Th>{t('backups.column.kind')}</Table.Th>
                <Table.Th>{t('backups.column.size')}</Table.Th>
                <Table.Th>{t('backups.column.check')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((entry) => (
                <Table.Tr key={`${entry.location}/${entry.file}`}>
                  <Table.Td>
                    <Text size="sm" title={entry.file}>
                      {when(entry.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(`backups.kind.${entry.kind}`)}
                      {entry.location === 'folder' ? ` (${t('backups.location.folder')})` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{byteSize(entry.bytes, locale)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" radius="sm" variant="light" color={entry.integrity === 'ok' ? 'green' : entry.integrity === null ? 'gray' : 'red'}>
                      {entry.integrity === 'ok' ? t('backups.check.ok') : entry.integrity === null ? t('backups.check.unknown') : t('backups.check.failed')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={14} />} disabled={busy !== undefined} onClick={() => setConfirming(entry)}>
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
