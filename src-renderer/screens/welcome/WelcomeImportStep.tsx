import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ImportWizard } from '../clients/ImportWizard';
import { WelcomeFooter } from './WelcomeFooter';
import type { WelcomeStepProps } from './WelcomeWizard';

/** The client list from a CSV file through the usual import wizard, or nothing for now. */
export function WelcomeImportStep({ onNext, onBack, onSkip }: WelcomeStepProps) {
  const { t } = useI18n();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('welcome.import.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('welcome.import.hint')}
        </Text>
        <Group>
          <Button
            variant="default"
            size="sm"
            leftSection={<IconFileUpload size={16} />}
            onClick={() => {
              setImporting(true);
            }}
          >
            {t('welcome.import.button')}
          </Button>
        </Group>
        {imported && (
          <Group gap={4} c="green" role="status">
            <IconCheck size={16} />
            <Text size="sm">{t('welcome.import.done')}</Text>
          </Group>
        )}
      </Stack>
      <WelcomeFooter onBack={onBack} onSkip={onSkip} busy={false} last focusNext={!importing} />
      {importing && (
        <ImportWizard
          onClose={() => {
            setImporting(false);
          }}
          onImported={() => {
            setImported(true);
          }}
        />
      )}
    </form>
  );
}
