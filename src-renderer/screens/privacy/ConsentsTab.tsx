import { Anchor, Badge, Button, Center, Drawer, Group, Loader, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconExternalLink, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientSummary } from '../../../src-main/contract/clients-schemas';
import { consentPurposes, consentStates } from '../../../src-main/contract/consents-methods';
import { useApiEvent } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { clientHref } from '../../shell/hash-route';
import { useThrottledReload } from '../messages/use-throttled-reload';
import { fullName, stateKey, type ConsentFilter } from './consents/consent-labels';
import { ConsentCounts } from './consents/ConsentCounts';
import { ConsentsCard } from './consents/ConsentsCard';
import { ConsentsTable } from './consents/ConsentsTable';

const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 150;

/**
 * The office's consent at a glance: how many clients stand where per purpose
 * (each count filters the table), and the clients with their state for every
 * purpose. A row opens the client's ledger beside the table, to record or
 * withdraw without leaving the panel, with a link to the client's page.
 */
export function ConsentsTab() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ConsentFilter>({ purpose: 'reminders', state: undefined });
  const [typed, setTyped] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<ClientSummary>();
  const [query] = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const { data, error, loading, reload } = useApiQuery('consents.overview', {
    purpose: filter.purpose,
    ...(filter.state ? { state: filter.state } : {}),
    query,
    limit: PAGE_SIZE,
    offset,
  });
  const throttledReload = useThrottledReload(reload);
  // A consent recorded here or elsewhere (a "STOP" reply, another window) changes the counts.
  useApiEvent('clients.changed', throttledReload);

  const choose = (next: ConsentFilter) => {
    setFilter(next);
    setOffset(0);
  };
  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;
  const officeEmpty = data !== undefined && Object.values(data.counts.reminders).every((count) => count === 0);

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm" maw={900}>
        {t('privacy-consents.intro')}
      </Text>

      {data && <ConsentCounts counts={data.counts} filter={filter} onChoose={choose} />}

      <Group mb="sm" mt="md" gap="sm" wrap="nowrap">
        <TextInput
          type="search"
          flex={1}
          maw={300}
          maxLength={100}
          aria-label={t('privacy-consents.search.label')}
          placeholder={t('privacy-consents.search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={loading && data ? <Loader size={14} /> : null}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setOffset(0);
          }}
        />
        <Select
          w={170}
          aria-label={t('privacy-consents.filter.purpose')}
          allowDeselect={false}
          data={consentPurposes.map((purpose) => ({ value: purpose, label: t(`privacy-consents.purpose.${purpose}`) }))}
          value={filter.purpose}
          onChange={(next) => {
            const purpose = consentPurposes.find((candidate) => candidate === next);
            if (purpose) choose({ ...filter, purpose });
          }}
        />
        <SegmentedControl
          aria-label={t('privacy-consents.filter.state')}
          data={[
            { value: 'all', label: t('privacy-consents.filter.all') },
            ...consentStates.map((state) => ({ value: state, label: t(stateKey(filter.purpose, state)) })),
          ]}
          value={filter.state ?? 'all'}
          onChange={(next) => {
            choose({ ...filter, state: consentStates.find((candidate) => candidate === next) });
          }}
        />
        {total > 0 && (
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Text size="sm" c="dimmed" className="tabular" data-testid="consents-range">
              {t('clients.range', { from: offset + 1, to: offset + shown, total: total.toLocaleString() })}
            </Text>
            <Button.Group>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={14} />}
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('clients.previousPage')}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                disabled={offset + shown >= total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('clients.nextPage')}
              </Button>
            </Button.Group>
          </Group>
        )}
      </Group>

      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {data && data.items.length > 0 && <ConsentsTable items={data.items} onOpen={setOpen} />}
      {data && data.items.length === 0 && (
        <Text c="dimmed" size="sm" py="lg" ta="center">
          {officeEmpty ? t('privacy-consents.noClients') : t('privacy-consents.empty')}
        </Text>
      )}

      <Drawer
        opened={open !== undefined}
        onClose={() => setOpen(undefined)}
        position="right"
        size="lg"
        title={open ? t('privacy-consents.drawer.title', { name: fullName(open) }) : ''}
        styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {open && (
          <>
            <Group gap="xs" mb="md">
              {open.archived && (
                <Badge color="yellow" variant="light" size="sm" radius="sm">
                  {t('clients.archived.badge')}
                </Badge>
              )}
              <Anchor href={clientHref(open.id)} size="sm">
                <Group gap={4} component="span">
                  <IconExternalLink size={14} />
                  {t('privacy-consents.drawer.openPage')}
                </Group>
              </Anchor>
            </Group>
            <ConsentsCard key={open.id} clientId={open.id} clientName={fullName(open)} bare />
          </>
        )}
      </Drawer>
    </>
  );
}
