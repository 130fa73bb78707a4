import { SegmentedControl } from '@mantine/core';
import { languages, type Language } from '../../../../src-main/contract/schemas';
import { useI18n } from '../../../i18n/i18n-context';

/** Which language of a document to read, print or download (the office may hand out both). */
export function DocumentLanguagePicker({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('privacy-documents.language')}
      data-testid="document-language"
      data={languages.map((language) => ({ value: language, label: t(`privacy-documents.language.${language}`) }))}
      value={value}
      onChange={(next) => {
        const language = languages.find((candidate) => candidate === next);
        if (language) onChange(language);
      }}
    />
  );
}
