/** The lengths offered for an appointment, in minutes; an unusual length already set is added to them. */
const COMMON_MINUTES = [10, 15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240];

/** "45 min", "1 h", "1 h 30". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${String(rest)} min`;
  return rest === 0 ? `${String(hours)} h` : `${String(hours)} h ${String(rest).padStart(2, '0')}`;
}

export function durationOptions(current: number): { value: string; label: string }[] {
  const minutes = COMMON_MINUTES.includes(current) ? COMMON_MINUTES : [...COMMON_MINUTES, current].sort((a, b) => a - b);
  return minutes.map((value) => ({ value: String(value), label: formatMinutes(value) }));
}
