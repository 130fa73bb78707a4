import { Button, Center, Group, Loader, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Tabs, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { ReminderRule } from '../../../src-main/contract/reminders-schemas';
import type { Language } from '../../../src-main/contract/schemas';
import { useApi } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { changesOf, draftForNew, draftOf, draftOffsetMinutes, draftProblems, fieldsOf, ruleFieldOf, type RuleDraft, type RuleField } from './rule-draft';
import { formatOffset, offsetUnits } from './rule-offset';
import { TemplateField } from './TemplateField';
import type { StaffAndRooms } from './use-staff-and-rooms';

interface RuleEditorModalProps {
  /** The rule to edit; absent for a new one. */
  rule?: ReminderRule | undefined;
  names: StaffAndRooms;
  onClose: () => void;
  onSaved: (rule: ReminderRule) => void;
}

/** Create or edit a rule. A new rule starts from the first suggested rule's texts. */
export function RuleEditorModal({ rule, names, onClose, onSaved }: RuleEditorModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={onClose} title={rule ? t('reminders.editor.editTitle') : t('reminders.editor.newTitle')} size={900}>
      {rule ? <RuleForm initial={draftOf(rule)} rule={rule} names={names} onClose={onClose} onSaved={onSaved} /> : <NewRuleForm names={names} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function NewRuleForm({ names, onClose, onSaved }: Omit<RuleEditorModalProps, 'rule'>) {
  const defaults = useApiQuery('reminders.rules.defaults', {});
  if (defaults.error) {
    // Without the suggestions the user can still write the texts.
    return <RuleForm initial={draftForNew(undefined)} names={names} onClose={onClose} onSaved={onSaved} />;
  }
  if (!defaults.data) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  return <RuleForm initial={draftForNew(defaults.data.items[0])} names={names} onClose={onClose} onSaved={onSaved} />;
}

interface RuleFormProps extends Omit<RuleEditorModalProps, 'rule'> {
  initial: RuleDraft;
  rule?: ReminderRule | undefined;
}

const TEMPLATE_FIELDS: Record<Language, 'templateIt' | 'templateEn'> = { it: 'templateIt', en: 'templateEn' };

function RuleForm({ initial, rule, names, onClose, onSaved }: RuleFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<RuleField, string>>>({});
  const [tab, setTab] = useState<Language>(i18n.language);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError>();

  const edit = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K], field: RuleField = key as RuleField) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const minutes = draftOffsetMinutes(draft);
  const suggestedName = minutes !== undefined && minutes > 0 ? formatOffset(minutes, i18n) : '';

  const showOn = (field: RuleField, message: string) => {
    setErrors((current) => ({ ...current, [field]: message }));
    if (field === 'templateIt') setTab('it');
    if (field === 'templateEn') setTab('en');
  };

  const save = async () => {
    const problems = draftProblems(draft);
    const found = Object.entries(problems) as [RuleField, 'required' | 'offsetRange'][];
    if (found.length > 0) {
      setErrors(Object.fromEntries(found.map(([field, problem]) => [field, t(problem === 'required' ? 'reminders.editor.required' : 'reminders.editor.offset.range')])));
      // Show the tab of a template that needs fixing, the open one first.
      const openField = TEMPLATE_FIELDS[tab];
      if (!problems[openField]) {
        if (problems.templateIt) setTab('it');
        else if (problems.templateEn) setTab('en');
      }
      return;
    }
    const fields = fieldsOf(draft, suggestedName);
    setSaving(true);
    setFailure(undefined);
    try {
      if (rule) {
        const changes = changesOf(rule, fields);
        onSaved(Object.keys(changes).length === 0 ? rule : await api['reminders.rules.update']({ id: rule.id, changes }));
      } else {
        onSaved(await api['reminders.rules.create'](fields));
      }
    } catch (reason) {
      const error = toApiError(reason);
      const field = error.code === 'VALIDATION' ? ruleFieldOf(error.field) : undefined;
      if (field) showOn(field, error.message.replace(/^[\w.]+: /, ''));
      else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const staffOptions = names.staff
    .filter((member) => member.active || draft.staffIds.includes(member.id))
    .map((member) => ({ value: String(member.id), label: member.name }));
  const roomOptions = names.rooms
    .filter((room) => room.active || draft.roomIds.includes(room.id))
    .map((room) => ({ value: String(room.id), label: room.name }));

  const templateTab = (language: Language) => {
    const error = errors[TEMPLATE_FIELDS[language]];
    return (
      <Tabs.Tab value={language} color={error ? 'red' : undefined} rightSection={error ? <IconAlertCircle size={14} color="var(--mantine-color-red-6)" aria-hidden /> : undefined}>
        {t(`reminders.editor.tab.${language}`)}
      </Tabs.Tab>
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('reminders.editor.name')}
            description={t('reminders.editor.name.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={suggestedName}
            maxLength={80}
            data-autofocus
            value={draft.name}
            error={errors.name}
            onChange={(event) => {
              edit('name', event.currentTarget.value);
            }}
          />
          <NumberInput
            w={90}
            label={t('reminders.editor.offset')}
            min={1}
            max={40320}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={draft.offsetValue}
            error={errors.offsetMinutes !== undefined}
            onChange={(value) => {
              edit('offsetValue', typeof value === 'number' ? value : value === '' ? '' : Number(value), 'offsetMinutes');
            }}
          />
          <Select
            w={170}
            label={t('reminders.editor.offsetUnit')}
            allowDeselect={false}
            data={offsetUnits.map((unit) => ({ value: unit, label: t(`reminders.unitName.${unit}`) }))}
            value={draft.offsetUnit}
            error={errors.offsetMinutes}
            onChange={(next) => {
              const unit = offsetUnits.find((candidate) => candidate === next);
              if (unit) edit('offsetUnit', unit, 'offsetMinutes');
            }}
          />
          <Switch
            mt={30}
            label={t('reminders.editor.active')}
            title={t('reminders.editor.active.hint')}
            checked={draft.active}
            onChange={(event) => {
              edit('active', event.currentTarget.checked);
            }}
          />
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <MultiSelect
            label={t('reminders.editor.staff')}
            placeholder={draft.staffIds.length === 0 ? t('reminders.editor.allStaff') : undefined}
            data={staffOptions}
            value={draft.staffIds.map(String)}
            error={errors.staffIds}
            clearable
            searchable
            hidePickedOptions
            nothingFoundMessage="—"
            onChange={(values) => {
              edit('staffIds', values.map(Number));
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('reminders.editor.rooms')}
            placeholder={draft.roomIds.length === 0 ? t('reminders.editor.allRooms') : undefined}
            data={roomOptions}
            value={draft.roomIds.map(String)}
            error={errors.roomIds}
            clearable
            searchable
            hidePickedOptions
            nothingFoundMessage="—"
            onChange={(values) => {
              edit('roomIds', values.map(Number));
            }}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(next) => {
            if (next === 'it' || next === 'en') setTab(next);
          }}
        >
          <Tabs.List aria-label={t('reminders.editor.template')}>
            {templateTab('it')}
            {templateTab('en')}
            <Text size="xs" c="dimmed" ml="auto" style={{ alignSelf: 'center' }}>
              {t('reminders.editor.template.hint')}
            </Text>
          </Tabs.List>
          {(['it', 'en'] as const).map((language) => (
            <Tabs.Panel key={language} value={language}>
              <TemplateField
                language={language}
                value={draft[TEMPLATE_FIELDS[language]]}
                error={errors[TEMPLATE_FIELDS[language]]}
                onChange={(value) => {
                  edit(TEMPLATE_FIELDS[language], value);
                }}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        {failure && <ApiErrorAlert error={failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('reminders.editor.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {rule ? t('reminders.editor.save') : t('reminders.editor.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
