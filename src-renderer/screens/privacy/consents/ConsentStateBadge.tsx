import { Badge } from '@mantine/core';
import type { ConsentPurpose, ConsentState } from '../../../../src-main/contract/consents-methods';
import { useI18n } from '../../../i18n/i18n-context';
import { stateColor, stateHintKey, stateKey } from './consent-labels';

/** Where a client stands for one purpose, in the purpose's own words for "nothing recorded". */
export function ConsentStateBadge({ purpose, state, size = 'sm' }: { purpose: ConsentPurpose; state: ConsentState; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useI18n();
  const hint = stateHintKey(purpose, state);
  return (
    <Badge
      size={size}
      radius="sm"
      color={stateColor(purpose, state)}
      variant={state === 'none' ? 'outline' : 'light'}
      title={hint ? t(hint) : undefined}
      data-state={state}
    >
      {t(stateKey(purpose, state))}
    </Badge>
  );
}
