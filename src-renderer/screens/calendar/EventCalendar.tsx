import type { Calendar } from '@event-calendar/core';
import '@event-calendar/core/index.css';
import './event-calendar-theme.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';

type SetOption = (name: string, value: unknown) => Calendar;

/**
 * The library's default gap between events, and a value a hair away from it.
 * Day grids (the month view) of @event-calendar/core 5.15 stack the events that
 * appear after the view was drawn (new data, another month, a switch of view) on
 * top of each other: their layout pass runs before the new events are mounted. A
 * change of `eventGap` runs that pass again, so it is nudged once the events are in.
 */
const EVENT_GAP = 1;
const EVENT_GAP_NUDGED = 1.001;

interface EventCalendarProps {
  options: Calendar.Options;
  /** Shown instead of the calendar if its code cannot be loaded. */
  failed: ReactNode;
}

/** Runs a day grid's layout pass again on the next frame (see EVENT_GAP); returns the cancel. */
function relayoutDayGrid(instance: Calendar): () => void {
  if (!instance.getView().type.startsWith('dayGrid')) return () => undefined;
  const frame = requestAnimationFrame(() => {
    instance.setOption('eventGap', instance.getOption('eventGap') === EVENT_GAP ? EVENT_GAP_NUDGED : EVENT_GAP);
  });
  return () => {
    cancelAnimationFrame(frame);
  };
}

/**
 * @event-calendar/core in React: created on mount, destroyed on unmount, and in
 * between each option that changed (by identity) is handed to setOption, so the
 * calendar keeps its scroll position instead of being rebuilt. Callers keep option
 * values stable (useMemo/useCallback) to avoid needless updates.
 *
 * The library and its Svelte runtime are imported when the calendar mounts, as a
 * chunk of their own: screens that show no calendar do not load them, and the rest
 * of the calendar screen renders without waiting.
 */
export function EventCalendar({ options, failed }: EventCalendarProps) {
  const host = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | undefined>(undefined);
  const applied = useRef<Calendar.Options>({});
  // What the calendar is created with once its code has arrived: the options of that moment.
  const latest = useRef(options);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let unmounted = false;
    let destroy: (() => void) | undefined;
    import('@event-calendar/core').then(
      ({ createCalendar, destroyCalendar, DayGrid, Interaction, ResourceTimeGrid, TimeGrid }) => {
        if (unmounted || !host.current) return;
        const instance = createCalendar(host.current, [TimeGrid, ResourceTimeGrid, DayGrid, Interaction], latest.current);
        calendar.current = instance;
        applied.current = latest.current;
        const cancelRelayout = relayoutDayGrid(instance);
        destroy = () => {
          cancelRelayout();
          void destroyCalendar(instance);
        };
      },
      () => {
        if (!unmounted) setLoadFailed(true);
      },
    );
    return () => {
      unmounted = true;
      calendar.current = undefined;
      destroy?.();
    };
  }, []);

  useEffect(() => {
    latest.current = options;
    const instance = calendar.current;
    if (!instance) return;
    const previous = applied.current as Record<string, unknown>;
    const setOption = instance.setOption.bind(instance) as SetOption;
    let changed = false;
    for (const [name, value] of Object.entries(options)) {
      if (previous[name] === value) continue;
      setOption(name, value);
      changed = true;
    }
    applied.current = options;
    return changed ? relayoutDayGrid(instance) : undefined;
  }, [options]);

  if (loadFailed) return <>{failed}</>;
  return <div ref={host} />;
}
