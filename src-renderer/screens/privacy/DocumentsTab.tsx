import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { NoticeView } from './documents/NoticeView';
import { RecordView } from './documents/RecordView';

const kinds = ['record', 'notice'] as const;
type Kind = (typeof kinds)[number];

/** The record of processing activities (Art. 30) and the privacy notice (informativa): pre-filled, editable, printable. */
export function DocumentsTab() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('record');
  return (
    <Stack gap="sm">
      <SegmentedControl
        w="fit-content"
        aria-label={t('privacy-documents.kind')}
        data-testid="document-kind"
        data={kinds.map((value) => ({ value, label: t(`privacy-documents.kind.${value}`) }))}
        value={kind}
        onChange={(next) => {
          const found = kinds.find((candidate) => candidate === next);
          if (found) setKind(found);
        }}
      />
      {kind === 'record' ? <RecordView /> : <NoticeView />}
    </Stack>
  );
}
