import { Button, Center, EmptyState, Group, Loader, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconChevronLeft,
  IconChevronRight,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconUserSearch,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { clientSortOrders, type ClientSortOrder } from '../../../src-main/contract/clients-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { ScreenTitle } from '../../shell/ScreenTitle';
import { ClientsTable } from './ClientsTable';
import { downloadTextFile } from './download-file';

const PAGE_SIZE = 50;
/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 150;
/** The API's limit on the search text. */
const MAX_QUERY_LENGTH = 100;

/** What the list shows; kept by the screen so it survives a visit to a client's page. */
export interface ClientListState {
  typed: string;
  offset: number;
  sort: ClientSortOrder;
  archived: boolean;
}

export const initialListState: ClientListState = { typed: '', offset: 0, sort: 'lastName', archived: false };

interface ClientListProps {
  state: ClientListState;
  onChange: (state: ClientListState) => void;
  onOpen: (id: number) => void;
  onCreate: () => void;
  onImport: () => void;
}

export function ClientList({ state, onChange, onOpen, onCreate, onImport }: ClientListProps) {
  const { t } = useI18n();
  const api = useApi();
  const { timeZone } = useOffice().settings;
  const [query] = useDebouncedValue(state.typed.trim(), SEARCH_DEBOUNCE_MS);
  const { typed, offset, sort, archived } = state;
  const { data, error, loading, reload } = useApiQuery('clients.list', { query, sort, archived, limit: PAGE_SIZE, offset });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError>();

  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;
  const change = (changes: Partial<ClientListState>) => {
    onChange({ ...state, offset: 0, ...changes });
  };

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const file = await api['clients.exportCsv']({ archived });
      // Named in the office's words and day: "pazienti-2026-11-24.csv".
      const day = new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now());
      downloadTextFile({ ...file, fileName: `${t(archived ? 'clients.export.archivedFileName' : 'clients.export.fileName')}-${day}.csv` });
    } catch (reason) {
      setExportError(toApiError(reason));
    } finally {
      setExporting(false);
    }
  };

  const newOffice = data !== undefined && total === 0 && query === '' && !archived;

  return (
    <>
      <ScreenTitle
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconFileImport size={14} />} onClick={onImport}>
              {t('clients.import.button')}
            </Button>
            <Button variant="default" leftSection={<IconDownload size={14} />} loading={exporting} disabled={total === 0} onClick={() => void exportCsv()}>
              {t('clients.export.button')}
            </Button>
            <Button leftSection={<IconPlus size={14} />} onClick={onCreate} title={t('clients.new.shortcut')}>
              {t('clients.new.button')}
            </Button>
          </Group>
        }
      >
        {t('clients.title')}
      </ScreenTitle>

      <Group mb="sm" gap="sm" wrap="nowrap">
        <TextInput
          type="search"
          flex={1}
          maw={420}
          autoFocus
          data-clients-search
          maxLength={MAX_QUERY_LENGTH}
          aria-label={t('clients.search.label')}
          placeholder={t('clients.search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={loading && data ? <Loader size={14} /> : null}
          value={typed}
          onChange={(event) => {
            change({ typed: event.currentTarget.value });
          }}
          onKeyDown={(event) => {
            // Down from the search goes to the first row, Enter opens it when the search found exactly one.
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              document.querySelector<HTMLElement>('[data-testid="clients-table"] tbody tr')?.focus();
            } else if (event.key === 'Enter' && data?.items.length === 1 && data.items[0]) {
              onOpen(data.items[0].id);
            }
          }}
        />
        <Select
          w={190}
          aria-label={t('clients.sort.label')}
          allowDeselect={false}
          data={clientSortOrders.map((order) => ({ value: order, label: t(`clients.sort.${order}`) }))}
          value={sort}
          onChange={(next) => {
            const order = clientSortOrders.find((candidate) => candidate === next);
            if (order) change({ sort: order });
          }}
        />
        <SegmentedControl
          aria-label={t('clients.show.label')}
          data={[
            { value: 'active', label: t('clients.show.active') },
            { value: 'archived', label: t('clients.show.archived') },
          ]}
          value={archived ? 'archived' : 'active'}
          onChange={(next) => {
            change({ archived: next === 'archived' });
          }}
        />
        {total > 0 && (
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Text size="sm" c="dimmed" className="tabular" data-testid="clients-range">
              {t('clients.range', { from: offset + 1, to: offset + shown, total: total.toLocaleString() })}
            </Text>
            <Button.Group>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={14} />}
                disabled={offset === 0}
                onClick={() => {
                  onChange({ ...state, offset: Math.max(0, offset - PAGE_SIZE) });
                }}
              >
                {t('clients.previousPage')}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                disabled={offset + shown >= total}
                onClick={() => {
                  onChange({ ...state, offset: offset + PAGE_SIZE });
                }}
              >
                {t('clients.nextPage')}
              </Button>
            </Button.Group>
          </Group>
        )}
      </Group>

      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {exportError && <ApiErrorAlert error={exportError} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {newOffice && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconUsers size={28} stroke={1.5} />} title={t('clients.empty.title')}>
          <EmptyState.Description maw={520}>{t('clients.empty.body')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={14} />} onClick={onCreate}>
              {t('clients.new.button')}
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={14} />} onClick={onImport}>
              {t('clients.import.button')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {data && total === 0 && archived && query === '' && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconUsers size={28} stroke={1.5} />} title={t('clients.archivedEmpty.title')}>
          <EmptyState.Description maw={520}>{t('clients.archivedEmpty.body')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && total === 0 && query !== '' && (
        <EmptyState
          py="xl"
          withIndicatorBackground
          icon={<IconUserSearch size={28} stroke={1.5} />}
          title={t('clients.noMatch.title', { query })}
          description={t('clients.noMatch.body')}
        />
      )}
      {data && total > 0 && (
        <div style={{ opacity: loading ? 0.7 : 1 }}>
          <ClientsTable
            clients={data.items}
            onOpen={(client) => {
              onOpen(client.id);
            }}
          />
        </div>
      )}
    </>
  );
}
