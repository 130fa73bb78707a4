import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { civilKey, parseCivilKey } from './civil-date';
import { DateJumpButton } from './DateJumpButton';
import { formatTypedDate, parseTypedDate } from './typed-date-time';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** "YYYY-MM-DD". */
  value: string;
  onChange: (value: string) => void;
  /** The name of the picker button. */
  pickerLabel: string;
}

/**
 * A date typed day first ("24/11/2026"), with a button for the system's date picker.
 * The browser's own date field would follow the browser's language (11/24/2026 on
 * an English browser in an Italian office).
 */
export function DateField({ value, onChange, pickerLabel, ...props }: DateFieldProps) {
  const [typing, setTyping] = useState<string | null>(null);
  const invalid = typing !== null && parseTypedDate(typing) === undefined;
  const picked = parseCivilKey(value);
  return (
    <TextInput
      {...props}
      maxLength={10}
      value={typing ?? formatTypedDate(value)}
      error={props.error ?? invalid}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyping(text);
        const key = parseTypedDate(text);
        if (key) onChange(key);
      }}
      onBlur={() => setTyping(null)}
      rightSection={picked && <DateJumpButton anchor={picked} label={pickerLabel} onPick={(date) => onChange(civilKey(date))} subtle />}
    />
  );
}
