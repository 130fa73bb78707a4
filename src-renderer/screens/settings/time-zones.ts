/**
 * The time zones the browser knows, plus the stored one if the list lacks it
 * (some engines leave out aliases such as "UTC"), so the Select can always show it.
 */
export function timeZoneOptions(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}
