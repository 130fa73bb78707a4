import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ERASURE_REASON_MAX, type ErasurePreview, type ErasureResult } from '../../../../src-main/contract/erasure-methods';
import type { ApiError } from '../../../../src-main/contract/errors';
import { useApi } from '../../../api/api-context';
import { toApiError } from '../../../api/use-api-query';
import { useI18n } from '../../../i18n/i18n-context';
import { ApiErrorAlert } from '../../../shell/ApiErrorAlert';

const REASON_MIN = 3;

interface EraseConfirmModalProps {
  preview: ErasurePreview;
  onErasing: (started: boolean) => void;
  onClose: () => void;
  onErased: (result: ErasureResult) => void;
}

/** The last step: nothing is erased until a reason is typed (it goes into the audit log) and confirmed. */
export function EraseConfirmModal({ preview, onErasing, onClose, onErased }: EraseConfirmModalProps) {
  const { t } = useI18n();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<ApiError>();
  const ready = reason.trim().length >= REASON_MIN;
  const reasonError = error?.field === 'reason' ? error.message.replace(/^reason: /, '') : undefined;

  const erase = async () => {
    setErasing(true);
    setError(undefined);
    onErasing(true);
    try {
      onErased(await api['privacy.erase']({ clientId: preview.clientId, reason: reason.trim() }));
    } catch (caught) {
      onErasing(false);
      setError(toApiError(caught));
      setErasing(false);
    }
  };

  return (
    <Modal opened onClose={erasing ? () => undefined : onClose} title={t('privacy-erasure.confirm.title', { name: preview.name })} size="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !erasing) void erase();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('privacy-erasure.confirm.body')}</Text>
          <TextInput
            label={t('privacy-erasure.confirm.reason')}
            description={t('privacy-erasure.confirm.reason.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={reason}
            maxLength={ERASURE_REASON_MAX}
            error={reasonError}
            required
            data-autofocus
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(undefined);
            }}
          />
          {error && !reasonError && <ApiErrorAlert error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={erasing}>
              {t('privacy-erasure.confirm.cancel')}
            </Button>
            <Button type="submit" color="red" loading={erasing} disabled={!ready}>
              {t('privacy-erasure.confirm.erase')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
