import { Anchor, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconArrowLeft, IconCalendarDown, IconMessage, IconMessageReply, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ClientAppointment, ClientDetail } from '../../../src-main/contract/clients-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi, useApiEvent } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { ScreenTitle } from '../../shell/ScreenTitle';
import { useThrottledReload } from '../messages/use-throttled-reload';
import { ConsentsCard } from '../privacy/consents/ConsentsCard';
import { statusColors } from '../calendar/status-colors';
import { messageStateLabel } from './message-state-label';
import { ClientFormModal } from './ClientFormModal';
import { downloadTextFile } from './download-file';
import { useClientFormatters } from './use-client-formatters';

interface ClientPageProps {
  id: number;
  /** Back to the list (also Esc). */
  onBack: () => void;
}

/** One client: details, consent (recorded and withdrawn here), appointments ahead and behind, messages both ways; edit, archive, export .ics. */
export function ClientPage({ id, onBack }: ClientPageProps) {
  const { t, tn } = useI18n();
  const api = useApi();
  const format = useClientFormatters();
  const { data, error, loading, reload } = useApiQuery('clients.get', { id });
  // A consent withdrawn (here, or by a "STOP" reply) changes the opt-out and cancels queued reminders a moment later.
  const throttledReload = useThrottledReload(reload);
  useApiEvent('clients.changed', ({ ids }) => {
    if (ids.includes(id)) throttledReload();
  });
  useApiEvent('messages.changed', throttledReload);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<'archive' | 'ics'>();
  const [actionError, setActionError] = useState<ApiError>();
  useHotkeys(editing ? [] : [['Escape', onBack]]);

  const act = async (kind: 'archive' | 'ics', action: () => Promise<void>) => {
    setBusy(kind);
    setActionError(undefined);
    try {
      await action();
    } catch (reason) {
      setActionError(toApiError(reason));
    } finally {
      setBusy(undefined);
    }
  };

  const back = (
    <Anchor component="button" type="button" size="sm" mb="xs" onClick={onBack}>
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('clients.page.back')}
      </Group>
    </Anchor>
  );

  if (!data) {
    return (
      <>
        {back}
        {error && <ApiErrorAlert error={error} onRetry={reload} />}
        {loading && (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        )}
      </>
    );
  }

  const { client } = data;
  const name = `${client.lastName} ${client.firstName}`.trim();

  return (
    <>
      {back}
      <ScreenTitle
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t('clients.page.edit')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconCalendarDown size={14} />}
              loading={busy === 'ics'}
              disabled={data.upcoming.length + data.pastTotal === 0}
              onClick={() => void act('ics', async () => downloadTextFile(await api['clients.exportIcs']({ id })))}
            >
              {t('clients.page.ics')}
            </Button>
            <Button
              variant="default"
              color={client.archived ? undefined : 'red'}
              leftSection={client.archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />}
              loading={busy === 'archive'}
              onClick={() =>
                void act('archive', async () => {
                  await api['clients.archive']({ id, archived: !client.archived });
                  reload();
                })
              }
            >
              {client.archived ? t('clients.page.unarchive') : t('clients.page.archive')}
            </Button>
          </Group>
        }
      >
        {name}
      </ScreenTitle>

      <Group gap="xs" mb="md">
        {client.archived && client.archivedAt !== null && (
          <Badge color="yellow" variant="light">
            {t('clients.page.archivedOn', { date: format.date(client.archivedAt) })}
          </Badge>
        )}
        {client.smsOptOut && (
          <Badge color="gray" variant="outline" title={t('clients.smsOff.hint')}>
            {t('clients.smsOff')}
          </Badge>
        )}
        <Badge color={data.noShows > 0 ? 'red' : 'gray'} variant={data.noShows > 0 ? 'filled' : 'light'} data-testid="no-shows">
          {tn('clients.page.noShows', data.noShows)}
        </Badge>
      </Group>

      {actionError && <ApiErrorAlert error={actionError} />}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="md" style={{ alignItems: 'start' }}>
        <DetailsCard detail={data} />
        <ConsentsCard clientId={id} clientName={name} onChanged={reload} />
      </SimpleGrid>
      {/* Full width: date, who, where and status read on one line. */}
      <Stack gap="md">
        <AppointmentsCard title={t('clients.page.upcoming')} empty={t('clients.page.noUpcoming')} appointments={data.upcoming} />
        <AppointmentsCard
          title={t('clients.page.past')}
          empty={t('clients.page.noPast')}
          appointments={data.past}
          more={data.pastTotal - data.past.length}
        />
        <MessagesCard detail={data} />
      </Stack>

      {editing && (
        <ClientFormModal
          client={client}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function DetailsCard({ detail: { client } }: { detail: ClientDetail }) {
  const { t } = useI18n();
  const format = useClientFormatters();
  const none = <Text span c="dimmed">—</Text>;
  return (
    <Section title={t('clients.page.details')}>
      <Stack gap={6}>
        <Row label={t('clients.column.mobile')}>
          <span className="tabular">{client.mobileDisplay ?? none}</span>
        </Row>
        <Row label={t('clients.form.email')}>{client.email ?? none}</Row>
        <Row label={t('clients.column.language')}>{t(`clients.language.${client.language}`)}</Row>
        <Row label={t('clients.page.sms')}>{client.smsOptOut ? t('clients.form.smsOptedOut') : t('clients.form.smsAllowed')}</Row>
        <Row label={t('clients.form.notes')}>{client.notes === '' ? none : client.notes}</Row>
        <Row label={t('clients.page.since')}>{format.date(client.createdAt)}</Row>
      </Stack>
    </Section>
  );
}

function AppointmentsCard({ title, empty, appointments, more = 0 }: { title: string; empty: string; appointments: ClientAppointment[]; more?: number }) {
  const { t } = useI18n();
  const format = useClientFormatters();
  return (
    <Section title={title}>
      {appointments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table layout="fixed">
          <Table.Tbody>
            {appointments.map((appointment) => (
              <Table.Tr key={appointment.id}>
                <Table.Td className="tabular" w={260}>
                  {format.range(appointment.start, appointment.end)}
                </Table.Td>
                <Table.Td className="truncate">{appointment.staffName ?? ''}</Table.Td>
                <Table.Td className="truncate">{appointment.roomName ?? ''}</Table.Td>
                <Table.Td w={130} ta="right">
                  <Badge size="sm" variant="light" color={statusColors[appointment.status]}>
                    {t(`status.${appointment.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('clients.page.moreNotShown', { count: more })}
        </Text>
      )}
    </Section>
  );
}

function MessagesCard({ detail }: { detail: ClientDetail }) {
  const { t } = useI18n();
  const format = useClientFormatters();
  return (
    <Section title={t('clients.page.messages')}>
      {detail.messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('clients.page.noMessages')}
        </Text>
      ) : (
        <Table layout="fixed">
          <Table.Tbody>
            {detail.messages.map((message, index) => (
              <Table.Tr key={`${message.direction}-${message.at}-${index}`}>
                <Table.Td w={32}>
                  {message.direction === 'out' ? (
                    <IconMessage size={16} aria-label={t('clients.page.sent')} />
                  ) : (
                    <IconMessageReply size={16} aria-label={t('clients.page.received')} />
                  )}
                </Table.Td>
                <Table.Td w={230} className="tabular">
                  {format.dateTime(message.at)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Table.Td>
                <Table.Td w={120} ta="right">
                  <Text size="xs" c="dimmed">
                    {messageStateLabel(t, message.state)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
