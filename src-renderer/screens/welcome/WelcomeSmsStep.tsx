import { Alert, Card, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconMessage2 } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';
import { WelcomeFooter } from './WelcomeFooter';
import type { WelcomeStepProps } from './WelcomeWizard';

/** The simulator, chosen for now and said plainly; a modem or SMPP account comes later, in Settings. */
export function WelcomeSmsStep({ onNext, onBack, onSkip }: WelcomeStepProps) {
  const { t } = useI18n();
  const { appInfo } = useOffice();
  const channel = appInfo.smsChannel;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('welcome.sms.title')}</Text>
        {channel.kind === 'simulator' ? (
          <>
            <Card withBorder padding="sm" data-testid="welcome-sms-simulator">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <IconMessage2 size={20} />
                <div>
                  <Text size="sm" fw={600}>
                    {t('welcome.sms.simulator')}
                  </Text>
                  <Text size="sm">{t('smsChannel.simulator.note')}</Text>
                </div>
              </Group>
            </Card>
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
              <Text size="sm">{t('welcome.sms.later')}</Text>
            </Alert>
          </>
        ) : (
          <Text size="sm">{t('welcome.sms.configured', { channel: t(`smsKind.${channel.kind}`) })}</Text>
        )}
      </Stack>
      <WelcomeFooter onBack={onBack} onSkip={onSkip} busy={false} focusNext />
    </form>
  );
}
