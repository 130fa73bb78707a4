import { Alert, Button, Checkbox, Group, Input, List, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { NAME_MAX, NOTES_MAX, type ClientDetail, type ClientSummary } from '../../../src-main/contract/clients-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Language } from '../../../src-main/contract/schemas';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { useOffice } from '../../shell/office-context';
import { useMobileCheck } from './use-mobile-check';

interface Draft {
  firstName: string;
  lastName: string;
  mobile: string;
  email: string;
  language: Language;
  notes: string;
}
type Field = keyof Draft;

interface ClientFormModalProps {
  /** The client to edit; absent to create one. */
  client?: ClientDetail['client'];
  onClose: () => void;
  onSaved: (client: ClientSummary) => void;
}

/**
 * Create or edit a client. Problems show next to their field: the names here,
 * the mobile as the core reads it (checked when the field is left), everything
 * else as the core answers on saving. A mobile someone else has is a warning the
 * user can accept; the SMS opt-out is shown but changes only through Privacy.
 */
export function ClientFormModal({ client, onClose, onSaved }: ClientFormModalProps) {
  const { t } = useI18n();
  const api = useApi();
  const { settings } = useOffice();
  const [draft, setDraft] = useState<Draft>(() => ({
    firstName: client?.firstName ?? '',
    lastName: client?.lastName ?? '',
    mobile: client?.mobileDisplay ?? '',
    email: client?.email ?? '',
    language: client?.language ?? settings.language ?? 'it',
    notes: client?.notes ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const mobileCheck = useMobileCheck(client?.id);

  const edit = (field: Field, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const checkMobile = async (typed: string) => {
    const answer = await mobileCheck.check(typed);
    if (answer && !answer.ok) setErrors((current) => ({ ...current, mobile: t(`clients.phone.${answer.problem}`) }));
  };

  // Someone else's number, and a new one for this client: an unchanged number was accepted before.
  const checked = mobileCheck.result?.typed === draft.mobile ? mobileCheck.result.check : undefined;
  const duplicates = checked?.ok && checked.e164 !== client?.mobile ? checked.duplicates : [];

  const save = async () => {
    if (draft.lastName.trim() === '') {
      setErrors((current) => ({ ...current, lastName: t('clients.form.required') }));
      return;
    }
    setSaving(true);
    setFailure(undefined);
    const fields = {
      firstName: draft.firstName,
      lastName: draft.lastName,
      mobile: draft.mobile.trim() === '' ? null : draft.mobile,
      email: draft.email.trim() === '' ? null : draft.email,
      language: draft.language,
      notes: draft.notes,
    };
    try {
      const saved = client
        ? await api['clients.update']({ id: client.id, changes: fields, allowDuplicate })
        : await api['clients.create']({ ...fields, allowDuplicate });
      onSaved(saved);
    } catch (reason) {
      const error = toApiError(reason);
      const field = error.field as Field | undefined;
      if (field === 'mobile') {
        // The check gives the reason in the user's language, and who has the number.
        await checkMobile(draft.mobile);
      } else if (field !== undefined && Object.hasOwn(draft, field)) {
        setErrors((current) => ({ ...current, [field]: error.message.replace(`${field}: `, '') }));
      } else {
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={client ? t('clients.form.editTitle') : t('clients.form.newTitle')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('clients.column.lastName')}
              required
              data-autofocus
              maxLength={NAME_MAX}
              value={draft.lastName}
              error={errors.lastName}
              onChange={(event) => {
                edit('lastName', event.currentTarget.value);
              }}
            />
            <TextInput
              label={t('clients.column.firstName')}
              maxLength={NAME_MAX}
              value={draft.firstName}
              error={errors.firstName}
              onChange={(event) => {
                edit('firstName', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('clients.column.mobile')}
              // The hint goes under the input, so the mobile and e-mail inputs line up.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              description={checked?.ok && checked.display ? t('clients.form.mobileSavedAs', { number: checked.display }) : t('clients.form.mobileHint')}
              inputMode="tel"
              maxLength={40}
              value={draft.mobile}
              error={errors.mobile}
              onChange={(event) => {
                edit('mobile', event.currentTarget.value);
                setAllowDuplicate(false);
              }}
              onBlur={() => {
                if (draft.mobile.trim() !== '') void checkMobile(draft.mobile);
              }}
            />
            <TextInput
              label={t('clients.form.email')}
              type="email"
              maxLength={254}
              value={draft.email}
              error={errors.email}
              onChange={(event) => {
                edit('email', event.currentTarget.value);
              }}
            />
          </SimpleGrid>
          {duplicates.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('clients.form.duplicateTitle')} data-testid="duplicate-warning">
              <List size="sm" mb="xs">
                {duplicates.map((other) => (
                  <List.Item key={other.id}>
                    {`${other.lastName} ${other.firstName}`.trim()}
                    {other.archived ? ` (${t('clients.archived.badge')})` : ''}
                  </List.Item>
                ))}
              </List>
              <Checkbox
                label={t('clients.form.allowDuplicate')}
                checked={allowDuplicate}
                onChange={(event) => {
                  setAllowDuplicate(event.currentTarget.checked);
                }}
              />
            </Alert>
          )}
          <Input.Wrapper label={t('clients.column.language')}>
            <div>
              <SegmentedControl
                aria-label={t('clients.column.language')}
                data={[
                  { value: 'it', label: t('clients.language.it') },
                  { value: 'en', label: t('clients.language.en') },
                ]}
                value={draft.language}
                onChange={(next) => {
                  edit('language', next === 'en' ? 'en' : 'it');
                }}
              />
            </div>
          </Input.Wrapper>
          <Textarea
            label={t('clients.form.notes')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={NOTES_MAX}
            value={draft.notes}
            error={errors.notes}
            onChange={(event) => {
              edit('notes', event.currentTarget.value);
            }}
          />
          {client && (
            <Text size="sm" c="dimmed">
              {client.smsOptOut ? t('clients.form.smsOptedOut') : t('clients.form.smsAllowed')}
            </Text>
          )}
          {failure && <ApiErrorAlert error={failure} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('clients.form.cancel')}
            </Button>
            <Button type="submit" loading={saving} disabled={duplicates.length > 0 && !allowDuplicate}>
              {client ? t('clients.form.save') : t('clients.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
