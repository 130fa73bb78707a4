import { Card, SimpleGrid, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';
import { StaffAndRoomsRoomList } from './StaffAndRoomsRoomList';
import { StaffAndRoomsStaffList } from './StaffAndRoomsStaffList';

/** Who works here and where: the calendar's columns, its colours and the working hours conflicts are checked against. */
export function StaffAndRooms() {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" mt="md">
      <Text fw={600} mb={4}>
        {t('staffRooms.title')}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('staffRooms.purpose')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <StaffAndRoomsStaffList />
        <StaffAndRoomsRoomList />
      </SimpleGrid>
    </Card>
  );
}
