import { Alert, Anchor, Button, Card, Center, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientConsents, ConsentEntry, ConsentPurpose } from '../../../../src-main/contract/consents-methods';
import type { ApiError } from '../../../../src-main/contract/errors';
import { useApi, useApiEvent } from '../../../api/api-context';
import { toApiError, useApiQuery } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';
import { useClientFormatters } from '../../clients/use-client-formatters';
import { useThrottledReload } from '../../messages/use-throttled-reload';
import { isAllowed } from './consent-labels';
import { ConsentDialog } from './ConsentDialog';
import { ConsentStateBadge } from './ConsentStateBadge';
import { downloadBase64File } from './download-evidence';

/** How many history entries show before "Show all". */
const HISTORY_SHOWN = 5;
/** What a "STOP" reply records as its author (the reply service's SMS_REPLY_ACTOR). */
const SMS_REPLY_ACTOR = 'client by SMS';

interface ConsentsCardProps {
  clientId: number;
  /** "Rossi Mario", for the dialog's sentence. */
  clientName: string;
  /** After a record: the page reloads what depends on it (the SMS opt-out). */
  onChanged?: () => void;
  /** Without its own card frame and title (inside a drawer that has one). */
  bare?: boolean;
}

/**
 * One client's consent: where they stand per purpose, with one button to record
 * consent or withdraw it, and every record, newest first.
 */
export function ConsentsCard({ clientId, clientName, onChanged, bare = false }: ConsentsCardProps) {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery('consents.forClient', { clientId });
  const [dialog, setDialog] = useState<{ purpose: ConsentPurpose; granted: boolean }>();
  const throttledReload = useThrottledReload(reload);
  // A "STOP" reply arriving while the page is open changes the ledger too.
  useApiEvent('clients.changed', ({ ids }) => {
    if (ids.includes(clientId)) throttledReload();
  });

  const body = data ? (
    <ConsentsBody ledger={data} onAct={(purpose, granted) => setDialog({ purpose, granted })} />
  ) : error ? (
    <ApiErrorAlert error={error} onRetry={reload} />
  ) : (
    <Center py="md">
      <Loader size="sm" />
    </Center>
  );

  return (
    <>
      {bare ? (
        <div data-testid="consents-card">{body}</div>
      ) : (
        <Card withBorder padding="md" data-testid="consents-card">
          <Title order={2} size="h5" mb="xs">
            {t('privacy-consents.card.title')}
          </Title>
          {body}
        </Card>
      )}
      {dialog && data && (
        <ConsentDialog
          clientId={clientId}
          clientName={clientName}
          purpose={dialog.purpose}
          granted={dialog.granted}
          smsOptOut={data.smsOptOut}
          noticeVersion={data.noticeVersion}
          onClose={() => setDialog(undefined)}
          onRecorded={() => {
            setDialog(undefined);
            reload();
            onChanged?.();
          }}
        />
      )}
    </>
  );
}

function ConsentsBody({ ledger, onAct }: { ledger: ClientConsents; onAct: (purpose: ConsentPurpose, granted: boolean) => void }) {
  const { t } = useI18n();
  const format = useClientFormatters();
  const [showAll, setShowAll] = useState(false);
  const history = showAll ? ledger.history : ledger.history.slice(0, HISTORY_SHOWN);

  return (
    <Stack gap="xs">
      {/* Opted out without a withdrawal in the ledger to show for it (data from before the ledger, say): say why nothing is sent. */}
      {ledger.smsOptOut && ledger.current[0]?.state !== 'withdrawn' && (
        <Alert color="gray" variant="light" p="xs">
          <Text size="sm">{t('privacy-consents.card.smsOff')}</Text>
        </Alert>
      )}
      {ledger.current.map(({ purpose, state, latest }) => {
        // Withdrawing is one click, as granting is: the button offers the opposite of where the client stands.
        const grant = !isAllowed(purpose, state);
        const purposeText = t(`privacy-consents.purpose.${purpose}`);
        return (
          <Group key={purpose} gap="sm" wrap="nowrap" data-testid={`consent-${purpose}`}>
            <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
              {purposeText}
            </Text>
            <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
              <ConsentStateBadge purpose={purpose} state={state} />
              {latest && (
                <Text size="xs" c="dimmed" className="truncate">
                  {t('privacy-consents.card.since', { date: format.date(latest.recordedAt) })}
                </Text>
              )}
            </Group>
            <Button
              size="compact-sm"
              variant={grant ? 'light' : 'default'}
              color={grant ? undefined : 'red'}
              leftSection={grant ? <IconShieldCheck size={14} /> : <IconShieldX size={14} />}
              aria-label={t(grant ? 'privacy-consents.card.grantLabel' : 'privacy-consents.card.withdrawLabel', { purpose: purposeText })}
              onClick={() => onAct(purpose, grant)}
            >
              {t(grant ? 'privacy-consents.card.grant' : 'privacy-consents.card.withdraw')}
            </Button>
          </Group>
        );
      })}

      <Divider my={4} label={t('privacy-consents.card.history')} labelPosition="left" />
      {ledger.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('privacy-consents.card.noHistory')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="consents-history">
          {history.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} />
          ))}
          {ledger.history.length > HISTORY_SHOWN && (
            <Anchor component="button" type="button" size="xs" onClick={() => setShowAll((all) => !all)}>
              {showAll ? t('privacy-consents.card.showFewer') : t('privacy-consents.card.showAll', { count: ledger.history.length })}
            </Anchor>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function HistoryEntry({ entry }: { entry: ConsentEntry }) {
  const { t } = useI18n();
  const api = useApi();
  const format = useClientFormatters();
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<ApiError>();

  const download = async () => {
    setDownloading(true);
    setError(undefined);
    try {
      downloadBase64File(await api['consents.evidence']({ consentId: entry.id }));
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setDownloading(false);
    }
  };

  const details = [
    t(`privacy-consents.method.${entry.method}`),
    entry.recordedBy === SMS_REPLY_ACTOR ? t('privacy-consents.history.smsClient') : entry.recordedBy,
    entry.noticeVersion === null ? null : `${t('privacy-consents.history.notice')} ${entry.noticeVersion}`,
  ].filter((part): part is string => part !== null);

  return (
    <div data-testid="consent-entry">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <ConsentStateBadge purpose={entry.purpose} state={entry.granted ? 'granted' : 'withdrawn'} size="xs" />
          <Text size="sm" fw={500} className="truncate">
            {t(`privacy-consents.purpose.${entry.purpose}`)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" className="tabular" style={{ flexShrink: 0 }}>
          {format.dateTime(entry.recordedAt)}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" className="truncate">
          {details.join(' · ')}
        </Text>
        {entry.hasEvidence && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconDownload size={12} />}
            loading={downloading}
            aria-label={t('privacy-consents.history.downloadLabel', { date: format.dateTime(entry.recordedAt) })}
            onClick={() => void download()}
          >
            {t('privacy-consents.history.evidence')}
          </Button>
        )}
      </Group>
      {error && <ApiErrorAlert error={error} />}
    </div>
  );
}
