import { Box, Card, Center, Group, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { WelcomeImportStep } from './WelcomeImportStep';
import { WelcomeOfficeStep } from './WelcomeOfficeStep';
import { WelcomeRemindersStep } from './WelcomeRemindersStep';
import { WelcomeSmsStep } from './WelcomeSmsStep';

/** What every step gets: go on, go back (not on the first), or leave the wizard for good. */
export interface WelcomeStepProps {
  onNext: () => void;
  onBack?: (() => void) | undefined;
  onSkip: () => void;
}

const STEPS = ['office', 'sms', 'reminders', 'import'] as const;

/**
 * Office → SMS channel → a first reminder rule → an optional CSV import. Each step
 * saves as it goes on; finishing or skipping marks the office as set up, so the
 * wizard never shows again. Everything it sets stays editable in Settings.
 */
export function WelcomeWizard({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [active, setActive] = useState(0);
  const [error, setError] = useState<ApiError>();

  const finish = () => {
    setError(undefined);
    api['setup.complete']({}).then(onDone, (reason: unknown) => {
      setError(toApiError(reason));
    });
  };

  const step = STEPS[active] ?? 'import';
  const props: WelcomeStepProps = {
    onNext: () => {
      if (active === STEPS.length - 1) finish();
      else setActive(active + 1);
    },
    onBack: active > 0 ? () => setActive(active - 1) : undefined,
    onSkip: finish,
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Card withBorder shadow="sm" padding="lg" w="100%" maw={680} data-testid="welcome-wizard">
        <Group justify="space-between" align="baseline" mb={4}>
          <Title order={2} size="h3">
            {t('welcome.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed" mb="md">
          {t('welcome.intro')}
        </Text>
        <Stepper active={active} size="xs" mb="md" allowNextStepsSelect={false} onStepClick={setActive}>
          {STEPS.map((name) => (
            <Stepper.Step key={name} label={t(`welcome.step.${name}`)} />
          ))}
        </Stepper>
        <Box>
          {step === 'office' && <WelcomeOfficeStep {...props} />}
          {step === 'sms' && <WelcomeSmsStep {...props} />}
          {step === 'reminders' && <WelcomeRemindersStep {...props} />}
          {step === 'import' && <WelcomeImportStep {...props} />}
        </Box>
        {error && <ApiErrorAlert error={error} onRetry={finish} />}
      </Card>
    </Center>
  );
}
