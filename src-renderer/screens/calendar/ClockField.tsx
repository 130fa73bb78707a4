import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { parseClock } from './typed-date-time';

interface ClockFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** "HH:MM". */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A time of day typed as the office writes it, always 24-hour ("9.30" becomes 09:30).
 * The browser's own time field would follow the browser's language (10:00 AM on an
 * English browser in an Italian office).
 */
export function ClockField({ value, onChange, ...props }: ClockFieldProps) {
  // What the user is typing; null when the field shows the value.
  const [typing, setTyping] = useState<string | null>(null);
  const invalid = typing !== null && parseClock(typing) === undefined;
  return (
    <TextInput
      {...props}
      inputMode="numeric"
      placeholder="hh:mm"
      maxLength={5}
      value={typing ?? value}
      error={props.error ?? invalid}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyping(text);
        const clock = parseClock(text);
        if (clock) onChange(clock);
      }}
      onBlur={() => setTyping(null)}
    />
  );
}
