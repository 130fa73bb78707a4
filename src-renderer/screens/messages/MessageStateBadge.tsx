import { Badge } from '@mantine/core';
import type { MessageState } from '../../../src-main/contract/messages-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { stateColors } from './state-filter';

export function MessageStateBadge({ state }: { state: MessageState }) {
  const { t } = useI18n();
  return (
    <Badge size="sm" radius="sm" variant={state === 'delivered' || state === 'failed' ? 'filled' : 'light'} color={stateColors[state]} data-state={state}>
      {t(`messages.state.${state}`)}
    </Badge>
  );
}
