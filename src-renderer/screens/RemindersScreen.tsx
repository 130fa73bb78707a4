import { Alert, Button, Card, Center, EmptyState, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconCheck, IconInfoCircle, IconPlus, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../src-main/contract/errors';
import type { ReminderRule } from '../../src-main/contract/reminders-schemas';
import { useApi } from '../api/api-context';
import { toApiError, useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from '../shell/ApiErrorAlert';
import { useOffice } from '../shell/office-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { DeleteRuleDialog } from './reminders/DeleteRuleDialog';
import { RuleEditorModal } from './reminders/RuleEditorModal';
import { RulesTable } from './reminders/RulesTable';
import { SendingHoursCard } from './reminders/SendingHoursCard';
import { useStaffAndRooms } from './reminders/use-staff-and-rooms';

type Editing = { kind: 'new' } | { kind: 'edit'; rule: ReminderRule };

/**
 * The reminder rules (when, what, for which appointments) and the office's
 * sending hours. A new office sees what a rule is and can start from the suggested ones.
 */
export function RemindersScreen() {
  const { t, tn } = useI18n();
  const api = useApi();
  const { sendsRealSms } = useOffice().appInfo.smsChannel;
  const rules = useApiQuery('reminders.rules.list', {});
  const names = useStaffAndRooms();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<ReminderRule>();
  const [notice, setNotice] = useState<string>();
  // The switch shows the new state while it is saved, and the saved rule until the list is reloaded.
  const [toggling, setToggling] = useState<{ id: number; active: boolean }>();
  const [savedRules, setSavedRules] = useState<Record<number, ReminderRule>>({});
  const [creatingDefaults, setCreatingDefaults] = useState(false);
  const [actionError, setActionError] = useState<ApiError>();

  const items = rules.data?.items.map((rule) => {
    const saved = savedRules[rule.id] ?? rule;
    return toggling?.id === rule.id ? { ...saved, active: toggling.active } : saved;
  });
  const reload = rules.reload;

  const act = async (action: () => Promise<void>) => {
    setActionError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (reason) {
      setActionError(toApiError(reason));
    }
  };

  const createSuggested = () =>
    act(async () => {
      setCreatingDefaults(true);
      try {
        const { items: suggested } = await api['reminders.rules.defaults']({});
        // One after the other, so the rules keep the suggested order.
        for (const fields of suggested) await api['reminders.rules.create'](fields);
      } finally {
        setCreatingDefaults(false);
        reload();
      }
    });

  const toggle = (rule: ReminderRule, active: boolean) =>
    void act(async () => {
      setToggling({ id: rule.id, active });
      try {
        const saved = await api['reminders.rules.update']({ id: rule.id, changes: { active } });
        setSavedRules((current) => ({ ...current, [saved.id]: saved }));
      } finally {
        setToggling(undefined);
        reload();
      }
    });

  const openNew = () => {
    setNotice(undefined);
    setEditing({ kind: 'new' });
  };

  return (
    <>
      <ScreenTitle
        actions={
          items !== undefined &&
          items.length > 0 && (
            <Button leftSection={<IconPlus size={14} />} onClick={openNew}>
              {t('reminders.rules.new')}
            </Button>
          )
        }
      >
        {t('reminders.title')}
      </ScreenTitle>
      <Text size="sm" c="dimmed" mb="md">
        {t('reminders.purpose')}
      </Text>

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            {rules.error && <ApiErrorAlert error={rules.error} onRetry={reload} />}
            {actionError && <ApiErrorAlert error={actionError} />}
            {notice && (
              <Alert
                color="green"
                variant="light"
                icon={<IconCheck size={18} />}
                role="status"
                data-testid="rules-notice"
                withCloseButton
                closeButtonLabel={t('reminders.notice.close')}
                onClose={() => setNotice(undefined)}
              >
                {notice}
              </Alert>
            )}
            {!items && rules.loading && (
              <Center py="xl">
                <Loader size="sm" />
              </Center>
            )}
            {items?.length === 0 && (
              <Card withBorder padding="lg">
                <EmptyState withIndicatorBackground icon={<IconBell size={28} stroke={1.5} />} title={t('reminders.empty.title')} data-testid="reminders-empty">
                  <EmptyState.Description maw={560}>{t('reminders.empty.body')}</EmptyState.Description>
                  {!sendsRealSms && (
                    <EmptyState.Description maw={560} fz="xs">
                      {t('reminders.simulator')}
                    </EmptyState.Description>
                  )}
                  <EmptyState.Actions>
                    <Button leftSection={<IconSparkles size={14} />} loading={creatingDefaults} onClick={() => void createSuggested()}>
                      {t('reminders.empty.useDefaults')}
                    </Button>
                    <Button variant="default" leftSection={<IconPlus size={14} />} onClick={openNew}>
                      {t('reminders.rules.new')}
                    </Button>
                  </EmptyState.Actions>
                </EmptyState>
              </Card>
            )}
            {items && items.length > 0 && (
              <Card withBorder padding="md">
                <Title order={2} size="h5" mb="xs">
                  {t('reminders.rules.title')}
                </Title>
                {items.every((rule) => !rule.active) && (
                  <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} mb="xs" p="xs">
                    {t('reminders.rules.noneActive')}
                  </Alert>
                )}
                <RulesTable
                  rules={items}
                  names={names}
                  busyId={toggling?.id}
                  onToggle={toggle}
                  onEdit={(rule) => {
                    setNotice(undefined);
                    setEditing({ kind: 'edit', rule });
                  }}
                  onDelete={(rule) => {
                    setNotice(undefined);
                    setDeleting(rule);
                  }}
                />
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SendingHoursCard />
        </Grid.Col>
      </Grid>

      {editing && (
        <RuleEditorModal
          rule={editing.kind === 'edit' ? editing.rule : undefined}
          names={names}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setSavedRules((current) => ({ ...current, [saved.id]: saved }));
            setEditing(undefined);
            reload();
          }}
        />
      )}
      {deleting && (
        <DeleteRuleDialog
          rule={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={(cancelled) => {
            setDeleting(undefined);
            setNotice(
              cancelled === 0
                ? t('reminders.delete.doneNone', { name: deleting.name })
                : tn('reminders.delete.done', cancelled, { name: deleting.name }),
            );
            reload();
          }}
        />
      )}
    </>
  );
}
