import { SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { PickedClient } from '../calendar/ClientPicker';
import { EraseClientCard } from './erasure/EraseClientCard';
import { LegalHoldList } from './erasure/LegalHoldList';
import { RetentionCard } from './erasure/RetentionCard';

/**
 * Erasure (GDPR Art. 17), legal holds and retention: pick a client, see their hold
 * and what erasing would remove and keep, erase with a reason; the clients under a
 * hold; how long texts, replies and audit entries are kept, and the daily pass.
 */
export function ErasureTab() {
  const [picked, setPicked] = useState<PickedClient | null>(null);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="md">
      <Stack gap="md">
        <EraseClientCard picked={picked} onPick={setPicked} />
      </Stack>
      <Stack gap="md">
        <LegalHoldList onOpen={setPicked} />
        <RetentionCard />
      </Stack>
    </SimpleGrid>
  );
}
