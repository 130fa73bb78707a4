import { useCallback, useRef, useState } from 'react';
import type { MobileCheck } from '../../../src-main/contract/clients-schemas';
import { useApi } from '../../api/api-context';

/**
 * Asks the core how a typed mobile reads (the number it will store, or why it
 * cannot) and who already has it. The core holds the phone metadata, so the UI
 * does not carry it. An answer for text that has changed since is dropped.
 */
export function useMobileCheck(excludeId: number | undefined) {
  const api = useApi();
  const [result, setResult] = useState<{ typed: string; check: MobileCheck }>();
  const latest = useRef('');

  const check = useCallback(
    async (typed: string): Promise<MobileCheck | undefined> => {
      latest.current = typed;
      try {
        const answer = await api['clients.checkMobile']({ mobile: typed, ...(excludeId === undefined ? {} : { excludeId }) });
        if (latest.current !== typed) return undefined;
        setResult({ typed, check: answer });
        return answer;
      } catch {
        // Feedback only: saving reports any real problem.
        return undefined;
      }
    },
    [api, excludeId],
  );

  return { result, check };
}
