import { Button, Center, EmptyState, Group, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconSearch, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from '../shell/ApiErrorAlert';
import { ScreenTitle } from '../shell/ScreenTitle';
import { ClientsTable } from './clients/ClientsTable';

const PAGE_SIZE = 50;
/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const SEARCH_DEBOUNCE_MS = 150;
/** The API's limit on the search text. */
const MAX_QUERY_LENGTH = 100;

export function ClientsScreen() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [query] = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const [offset, setOffset] = useState(0);
  const { data, error, loading, reload } = useApiQuery('clients.list', { query, limit: PAGE_SIZE, offset });

  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;

  return (
    <>
      <ScreenTitle>{t('clients.title')}</ScreenTitle>
      <Group mb="sm" gap="sm" wrap="nowrap">
        <TextInput
          type="search"
          flex={1}
          maw={480}
          autoFocus
          maxLength={MAX_QUERY_LENGTH}
          aria-label={t('clients.search.label')}
          placeholder={t('clients.search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={loading && data ? <Loader size={14} /> : null}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setOffset(0);
          }}
        />
        {total > 0 && (
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Text size="sm" c="dimmed" className="tabular" data-testid="clients-range">
              {t('clients.range', { from: offset + 1, to: offset + shown, total })}
            </Text>
            <Button.Group>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={14} />}
                disabled={offset === 0}
                onClick={() => {
                  setOffset(Math.max(0, offset - PAGE_SIZE));
                }}
              >
                {t('clients.previousPage')}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                disabled={offset + shown >= total}
                onClick={() => {
                  setOffset(offset + PAGE_SIZE);
                }}
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
      {data && total === 0 && query === '' && (
        <EmptyState
          py="xl"
          withIndicatorBackground
          icon={<IconUsers size={28} stroke={1.5} />}
          title={t('clients.empty.title')}
          description={t('clients.empty.body')}
        />
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
      {data && total > 0 && <ClientsTable clients={data.items} />}
    </>
  );
}
