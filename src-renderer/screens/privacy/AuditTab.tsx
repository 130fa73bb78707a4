import { Button, Center, EmptyState, Group, Loader, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload, IconFilterOff, IconHistory, IconRefresh } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import type { AuditFilters } from '../../../src-main/contract/audit-methods';
import { useApi, useApiEvent } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import type { ApiError } from '../../../src-main/contract/errors';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { ClientPicker, type PickedClient } from '../calendar/ClientPicker';
import { parseCivilKey } from '../calendar/civil-date';
import { useOfficeToday } from '../calendar/use-office-today';
import { downloadTextFile } from '../clients/download-file';
import { useThrottledReload } from '../messages/use-throttled-reload';
import { auditActionLabel, auditActorLabel } from './audit/audit-labels';
import { periodRange } from '../messages/office-day-range';
import { PeriodFilter } from '../messages/PeriodFilter';
import { auditPeriods, type AuditPeriod } from './audit/audit-period';
import { AuditTable } from './audit/AuditTable';

export const AUDIT_PAGE_SIZE = 50;

interface Filters {
  period: AuditPeriod;
  /** The days of a custom period, "YYYY-MM-DD" in the office's calendar. */
  first: string;
  last: string;
  action: string | null;
  actor: string | null;
  client: PickedClient | null;
  offset: number;
}

const initialFilters: Filters = { period: 'all', first: '', last: '', action: null, actor: null, client: null, offset: 0 };

/**
 * The audit log, read only: filters by period (the office's days), action, who and
 * client; pages of 50, newest first; the same selection exported as CSV. It follows
 * changes made elsewhere in the app while it is open.
 */
export function AuditTab() {
  const { t, tn, language } = useI18n();
  const api = useApi();
  const { timeZone } = useOffice().settings;
  const today = useOfficeToday(timeZone);
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string>();
  const [exportError, setExportError] = useState<ApiError>();

  const range = useMemo(() => {
    const first = parseCivilKey(filters.first);
    const last = parseCivilKey(filters.last);
    return periodRange(filters.period, today, timeZone, first && last ? { first, last } : undefined);
  }, [filters.period, filters.first, filters.last, today, timeZone]);

  const selection: AuditFilters = {
    ...(range.from === undefined ? {} : { from: range.from }),
    ...(range.to === undefined ? {} : { to: range.to }),
    ...(filters.action === null ? {} : { action: filters.action }),
    ...(filters.actor === null ? {} : { actor: filters.actor }),
    ...(filters.client === null ? {} : { clientId: filters.client.id }),
  };

  const { data, error, loading, reload } = useApiQuery('audit.list', { ...selection, offset: filters.offset, limit: AUDIT_PAGE_SIZE });
  const choices = useApiQuery('audit.actions', {});
  const reloadChoices = choices.reload;
  const reloadAll = useCallback(() => {
    reload();
    reloadChoices();
  }, [reload, reloadChoices]);
  // What is done elsewhere in the app while the log is open shows up in it.
  const throttledReload = useThrottledReload(reloadAll);
  useApiEvent('clients.changed', throttledReload);
  useApiEvent('appointments.changed', throttledReload);
  useApiEvent('messages.changed', throttledReload);
  useApiEvent('inbox.changed', throttledReload);
  useApiEvent('settings.changed', throttledReload);

  const change = (changes: Partial<Filters>) => {
    setExported(undefined);
    setFilters((previous) => ({ ...previous, offset: 0, ...changes }));
  };

  const actionOptions = useMemo(
    () =>
      (choices.data?.actions ?? [])
        .map((action) => ({ value: action, label: auditActionLabel(t, action) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [choices.data, t, language],
  );
  const actorOptions = useMemo(() => (choices.data?.actors ?? []).map((actor) => ({ value: actor, label: auditActorLabel(t, actor) })), [choices.data, t]);

  const exportCsv = async () => {
    setExporting(true);
    setExported(undefined);
    setExportError(undefined);
    try {
      const file = await api['audit.exportCsv']({ filters: selection, language });
      downloadTextFile(file);
      setExported(tn('privacy-audit.exported', file.rows, { file: file.fileName }));
    } catch (reason) {
      setExportError(toApiError(reason));
    } finally {
      setExporting(false);
    }
  };

  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;
  const filtered = filters.period !== 'all' || filters.action !== null || filters.actor !== null || filters.client !== null;

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm" maw={900}>
        {t('privacy-audit.intro')}
      </Text>
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <PeriodFilter
          periods={auditPeriods}
          value={filters}
          onChange={change}
          today={today}
          texts={{
            label: t('privacy-audit.filter.period'),
            option: (period) => t(`privacy-audit.filter.period.${period}`),
            from: t('privacy-audit.filter.from'),
            to: t('privacy-audit.filter.to'),
            datePlaceholder: t('privacy-audit.filter.datePlaceholder'),
            datePicker: t('privacy-audit.filter.datePicker'),
          }}
        />
        <Select
          w={270}
          label={t('privacy-audit.filter.action')}
          placeholder={t('privacy-audit.filter.action.all')}
          data={actionOptions}
          value={filters.action}
          searchable
          clearable
          maxDropdownHeight={320}
          onChange={(action) => {
            change({ action });
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          w={190}
          label={t('privacy-audit.filter.actor')}
          placeholder={t('privacy-audit.filter.actor.all')}
          data={actorOptions}
          value={filters.actor}
          clearable
          onChange={(actor) => {
            change({ actor });
          }}
          comboboxProps={{ withinPortal: true }}
        />
        <ClientPicker
          w={240}
          required={false}
          value={filters.client}
          onChange={(client) => {
            change({ client });
          }}
          texts={{
            label: t('privacy-audit.filter.client'),
            placeholder: t('privacy-audit.filter.client.placeholder'),
            searching: t('privacy-audit.filter.client.searching'),
            none: t('privacy-audit.filter.client.none'),
          }}
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => {
              change(initialFilters);
            }}
          >
            {t('privacy-audit.filter.clear')}
          </Button>
        )}
      </Group>

      <Group gap="sm" mb="sm" justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          {total > 0 && (
            <>
              <Text size="sm" c="dimmed" className="tabular" data-testid="audit-range">
                {t('privacy-audit.range', { from: filters.offset + 1, to: filters.offset + shown, total: total.toLocaleString(language) })}
              </Text>
              {total > AUDIT_PAGE_SIZE && (
                <Button.Group>
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconChevronLeft size={14} />}
                    disabled={filters.offset === 0}
                    onClick={() => {
                      setFilters((previous) => ({ ...previous, offset: Math.max(0, previous.offset - AUDIT_PAGE_SIZE) }));
                    }}
                  >
                    {t('privacy-audit.previousPage')}
                  </Button>
                  <Button
                    variant="default"
                    size="xs"
                    rightSection={<IconChevronRight size={14} />}
                    disabled={filters.offset + shown >= total}
                    onClick={() => {
                      setFilters((previous) => ({ ...previous, offset: previous.offset + AUDIT_PAGE_SIZE }));
                    }}
                  >
                    {t('privacy-audit.nextPage')}
                  </Button>
                </Button.Group>
              )}
            </>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {exported && (
            <Text size="sm" c="dimmed" data-testid="audit-exported">
              {exported}
            </Text>
          )}
          <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={reloadAll}>
            {t('privacy-audit.refresh')}
          </Button>
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} />} loading={exporting} disabled={total === 0} onClick={() => void exportCsv()}>
            {t('privacy-audit.export')}
          </Button>
        </Group>
      </Group>

      {exportError && <ApiErrorAlert error={exportError} />}
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {data && total === 0 && !filtered && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconHistory size={28} stroke={1.5} />} title={t('privacy-audit.empty.title')}>
          <EmptyState.Description maw={520}>{t('privacy-audit.empty.body')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && total === 0 && filtered && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconFilterOff size={28} stroke={1.5} />} title={t('privacy-audit.noMatch.title')}>
          <EmptyState.Description maw={520}>{t('privacy-audit.noMatch.body')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && total > 0 && (
        <div style={{ opacity: loading ? 0.85 : 1 }}>
          <AuditTable entries={data.items} />
        </div>
      )}
    </>
  );
}
