import { SimpleGrid, Stack } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { AboutCard } from './settings/AboutCard';
import { BackupsCard } from './settings/BackupsCard';
import { SettingsForm } from './settings/SettingsForm';
import { SmsChannelCard } from './settings/SmsChannelCard';
import { StaffAndRooms } from './settings/StaffAndRooms';

export function SettingsScreen() {
  const { t } = useI18n();
  return (
    <>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <SettingsForm />
        <Stack gap="md">
          <SmsChannelCard />
          <BackupsCard />
          <AboutCard />
        </Stack>
      </SimpleGrid>
      <StaffAndRooms />
    </>
  );
}
