import { Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { placeholders, TEMPLATE_MAX } from '../../../src-main/contract/reminders-schemas';
import type { Language } from '../../../src-main/contract/schemas';
import { useI18n } from '../../i18n/i18n-context';
import { insertAtCursor } from './insert-at-cursor';
import { TemplatePreview } from './TemplatePreview';

interface TemplateFieldProps {
  language: Language;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** One language's text: the textarea, buttons that insert placeholders where the caret is, and the live preview. */
export function TemplateField({ language, value, onChange, error }: TemplateFieldProps) {
  const { t } = useI18n();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once the inserted text is on screen.
  const caretAfterRender = useRef<number | undefined>(undefined);

  useEffect(() => {
    const caret = caretAfterRender.current;
    const element = textarea.current;
    if (caret === undefined || !element) return;
    caretAfterRender.current = undefined;
    element.focus();
    element.setSelectionRange(caret, caret);
  });

  const insert = (placeholder: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = insertAtCursor(value, start, end, `{${placeholder}}`);
    if (next.text.length > TEMPLATE_MAX) return;
    caretAfterRender.current = next.caret;
    onChange(next.text);
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" pt="sm">
      <Stack gap="xs">
        <Textarea
          ref={textarea}
          label={t(`reminders.editor.template.${language}`)}
          lang={language}
          autosize
          minRows={4}
          maxRows={10}
          maxLength={TEMPLATE_MAX}
          value={value}
          error={error}
          description={`${String(value.length)} / ${String(TEMPLATE_MAX)}`}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          onChange={(event) => {
            onChange(event.currentTarget.value);
          }}
        />
        <Group gap={6} role="group" aria-label={t('reminders.editor.insert')}>
          <Text size="xs" c="dimmed">
            {t('reminders.editor.insert')}
          </Text>
          {placeholders.map((placeholder) => (
            <Button
              key={placeholder}
              size="compact-xs"
              variant="light"
              radius="xl"
              leftSection={<IconPlus size={12} />}
              title={t('reminders.editor.insertHint', { placeholder: `{${placeholder}}` })}
              data-placeholder={placeholder}
              onClick={() => {
                insert(placeholder);
              }}
            >
              {t(`reminders.placeholder.${placeholder}`)}
            </Button>
          ))}
        </Group>
      </Stack>
      <TemplatePreview template={value} language={language} />
    </SimpleGrid>
  );
}
