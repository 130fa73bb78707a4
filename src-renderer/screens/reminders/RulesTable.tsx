import { ActionIcon, Group, Switch, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import type { ReminderRule } from '../../../src-main/contract/reminders-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { formatOffset } from './rule-offset';
import type { StaffAndRooms } from './use-staff-and-rooms';

interface RulesTableProps {
  rules: readonly ReminderRule[];
  names: StaffAndRooms;
  /** The rule whose switch is being saved. */
  busyId: number | undefined;
  onToggle: (rule: ReminderRule, active: boolean) => void;
  onEdit: (rule: ReminderRule) => void;
  onDelete: (rule: ReminderRule) => void;
}

/** One line per rule: on/off, name, how long before, which appointments; Enter on a row edits it. */
export function RulesTable({ rules, names, busyId, onToggle, onEdit, onDelete }: RulesTableProps) {
  const i18n = useI18n();
  const { t } = i18n;

  const scope = (rule: ReminderRule) => {
    if (rule.staffIds === null && rule.roomIds === null) return t('reminders.scope.everything');
    const staff = rule.staffIds === null ? t('reminders.scope.allStaff') : rule.staffIds.map(names.staffName).join(', ');
    const rooms = rule.roomIds === null ? t('reminders.scope.allRooms') : rule.roomIds.map(names.roomName).join(', ');
    return `${staff} · ${rooms}`;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, rule: ReminderRule) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onEdit(rule);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };

  return (
    <Table layout="fixed" highlightOnHover data-testid="rules-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>{t('reminders.rules.column.active')}</Table.Th>
          <Table.Th w="34%">{t('reminders.rules.column.name')}</Table.Th>
          <Table.Th w={150}>{t('reminders.rules.column.when')}</Table.Th>
          <Table.Th>{t('reminders.rules.column.scope')}</Table.Th>
          <Table.Th w={84}>
            <VisuallyHidden>{t('reminders.rules.column.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule) => {
          const scopeText = scope(rule);
          return (
            <Table.Tr
              key={rule.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              onClick={() => {
                onEdit(rule);
              }}
              onKeyDown={(event) => {
                onKeyDown(event, rule);
              }}
            >
              <Table.Td
                onClick={(event) => {
                  event.stopPropagation();
                }}
              >
                <Switch
                  size="sm"
                  aria-label={t('reminders.rules.activeLabel', { name: rule.name })}
                  checked={rule.active}
                  disabled={busyId === rule.id}
                  onChange={(event) => {
                    onToggle(rule, event.currentTarget.checked);
                  }}
                />
              </Table.Td>
              <Table.Td className="truncate" fw={500} title={rule.name}>
                {rule.name}
              </Table.Td>
              <Table.Td className="truncate">{formatOffset(rule.offsetMinutes, i18n)}</Table.Td>
              <Table.Td className="truncate" title={scopeText}>
                <Text span size="sm" c={rule.staffIds === null && rule.roomIds === null ? 'dimmed' : undefined}>
                  {scopeText}
                </Text>
              </Table.Td>
              <Table.Td
                onClick={(event) => {
                  event.stopPropagation();
                }}
              >
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label={t('reminders.rules.edit')} openDelay={400}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('reminders.rules.editLabel', { name: rule.name })}
                      onClick={() => {
                        onEdit(rule);
                      }}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('reminders.rules.delete')} openDelay={400}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('reminders.rules.deleteLabel', { name: rule.name })}
                      onClick={() => {
                        onDelete(rule);
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
