import { useState } from 'react';
import type { Conflict } from '../../../src-main/contract/calendar-schemas';
import type { ApiError } from '../../../src-main/contract/errors';
import type { MethodInput } from '../../../src-main/contract/methods';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';

type Update = MethodInput<'appointments.update'>;

interface PendingMove {
  update: Update;
  conflicts: Conflict[];
  revert: () => void;
}

/**
 * Drag-to-move and resize: the change is saved at once; when the core refuses it
 * with CONFLICT the conflicts are fetched and shown, and the user keeps the move
 * anyway or puts the appointment back where it was.
 */
export function useAppointmentMoves() {
  const api = useApi();
  const [pending, setPending] = useState<PendingMove>();
  // Closing keeps `pending` so the dialog's list stays in place while it fades out.
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const move = async (update: Update, revert: () => void) => {
    setError(undefined);
    try {
      await api['appointments.update'](update);
    } catch (reason) {
      const failure = toApiError(reason);
      if (failure.code !== 'CONFLICT') {
        revert();
        setError(failure);
        return;
      }
      try {
        const { conflicts } = await api['appointments.conflicts']({ update: { id: update.id, scope: update.scope, changes: update.changes } });
        setPending({ update, conflicts, revert });
        setAsking(true);
      } catch (again) {
        revert();
        setError(toApiError(again));
      }
    }
  };

  const confirm = async () => {
    if (!pending || !asking) return;
    setSaving(true);
    try {
      await api['appointments.update']({ ...pending.update, confirmConflicts: true });
    } catch (reason) {
      pending.revert();
      setError(toApiError(reason));
    } finally {
      setSaving(false);
      setAsking(false);
    }
  };

  const revert = () => {
    if (!asking) return;
    pending?.revert();
    setAsking(false);
  };

  return {
    move,
    asking,
    conflicts: pending?.conflicts ?? [],
    saving,
    confirm,
    revert,
    error,
    clearError: () => setError(undefined),
  };
}
