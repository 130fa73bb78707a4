import { Card, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { consentPurposes, consentStates, type ConsentStateCounts, type ConsentPurpose } from '../../../../src-main/contract/consents-methods';
import { useI18n } from '../../../i18n/i18n-context';
import { stateColor, stateKey, type ConsentFilter } from './consent-labels';

interface ConsentCountsProps {
  counts: Record<ConsentPurpose, ConsentStateCounts>;
  filter: ConsentFilter;
  onChoose: (filter: ConsentFilter) => void;
}

/** One card per purpose with how many clients stand where; each number filters the table below. */
export function ConsentCounts({ counts, filter, onChoose }: ConsentCountsProps) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={3} spacing="sm" data-testid="consent-counts">
      {consentPurposes.map((purpose) => (
        <Card key={purpose} withBorder padding="sm">
          <Text size="sm" fw={600} mb={6}>
            {t(`privacy-consents.purposeLong.${purpose}`)}
          </Text>
          <SimpleGrid cols={3} spacing={6}>
            {consentStates.map((state) => {
              const chosen = filter.purpose === purpose && filter.state === state;
              const label = t(stateKey(purpose, state));
              const count = counts[purpose][state];
              return (
                <UnstyledButton
                  key={state}
                  aria-pressed={chosen}
                  aria-label={t('privacy-consents.counts.label', { purpose: t(`privacy-consents.purpose.${purpose}`), state: label, count })}
                  data-testid={`count-${purpose}-${state}`}
                  onClick={() => onChoose(chosen ? { purpose, state: undefined } : { purpose, state })}
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    padding: '4px 8px',
                    background: chosen ? `var(--mantine-color-${stateColor(purpose, state)}-light)` : undefined,
                    outline: chosen ? `1px solid var(--mantine-color-${stateColor(purpose, state)}-outline)` : undefined,
                  }}
                >
                  <Stack gap={0}>
                    <Text size="xl" fw={600} className="tabular" c={count > 0 ? `${stateColor(purpose, state)}.8` : 'dimmed'}>
                      {count.toLocaleString()}
                    </Text>
                    <Text size="xs" c="dimmed" className="truncate">
                      {label}
                    </Text>
                  </Stack>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
        </Card>
      ))}
    </SimpleGrid>
  );
}
