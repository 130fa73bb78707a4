import { ActionIcon, Tooltip } from '@mantine/core';
import { IconCalendarSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { civilKey, parseCivilKey, type CivilDate } from './civil-date';

interface DateJumpButtonProps {
  anchor: CivilDate;
  label: string;
  onPick: (date: CivilDate) => void;
  /** Inside a field: no border, smaller. */
  subtle?: boolean;
  testId?: string;
}

/**
 * "Go to date": a button that opens the system's date picker. The field itself stays
 * hidden because it writes the date in the browser's own format (11/24/2026 on an
 * English browser), while the toolbar already names the shown day in the office's language.
 */
export function DateJumpButton({ anchor, label, onPick, subtle = false, testId }: DateJumpButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant={subtle ? 'subtle' : 'default'}
        color={subtle ? 'gray' : undefined}
        size={subtle ? 'sm' : 'md'}
        aria-label={label}
        pos="relative"
        onClick={() => {
          input.current?.showPicker();
        }}
      >
        <IconCalendarSearch size={subtle ? 14 : 16} />
        <input
          ref={input}
          type="date"
          tabIndex={-1}
          aria-hidden
          data-testid={testId}
          value={civilKey(anchor)}
          onChange={(event) => {
            const date = parseCivilKey(event.currentTarget.value);
            if (!date) return;
            onPick(date);
            // Focus left in a (hidden) field would switch the calendar's keyboard shortcuts off.
            event.currentTarget.blur();
          }}
          style={{ position: 'absolute', inset: 0, opacity: 0, pointerEvents: 'none' }}
        />
      </ActionIcon>
    </Tooltip>
  );
}
