import { Group, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import type { Language } from '../../src-main/contract/schemas';
import { toApiError } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { useOffice } from './office-context';

const options: { value: Language; label: string }[] = [
  { value: 'it', label: 'IT' },
  { value: 'en', label: 'EN' },
];

/**
 * Mantine hides the radios as 0×0 boxes and lets the labels take the clicks, so
 * neither a pointer nor an end-to-end test could reach "the radio named EN". Laid
 * over their labels, the radios are the click targets themselves.
 */
const radioOverLabel = { width: '100%', height: '100%', inset: 0, zIndex: 3, cursor: 'pointer' } as const;

/** IT | EN in the header: saves the office language, which every text follows at once. */
export function LanguageSwitch() {
  const { language, t } = useI18n();
  const { chooseLanguage } = useOffice();
  const [failure, setFailure] = useState<string>();

  const choose = (value: Language) => {
    setFailure(undefined);
    chooseLanguage(value).catch((reason: unknown) => {
      setFailure(toApiError(reason).message);
    });
  };

  return (
    <Group gap="xs" wrap="nowrap">
      {failure && (
        <Text size="xs" c="red" role="alert" maw={260} truncate="end" title={failure}>
          {failure}
        </Text>
      )}
      <SegmentedControl<Language>
        size="xs"
        role="radiogroup"
        aria-label={t('header.language')}
        data={options}
        value={language}
        onChange={choose}
        styles={{ input: radioOverLabel }}
      />
    </Group>
  );
}
