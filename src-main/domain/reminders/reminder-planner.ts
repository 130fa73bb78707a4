import type { Clock } from '../../app/clock';
import type { Logger } from '../../app/logger';
import type { Timers } from '../../app/timers';
import type { Database } from '../../db/database';
import { Mutex } from '../../db/mutex';
import { ReminderPlanRepository } from '../../db/repositories/reminder-plan-repository';
import { ReminderRulesRepository } from '../../db/repositories/reminder-rules-repository';
import { formatPhone } from '../clients/phone-number';
import type { SettingsService } from '../settings-service';
import { planAppointment, type ExistingReminder, type PlanContext } from './reminder-plan';
import type { ReminderSettingsService } from './reminder-settings-service';

/** Reminders are written to the outbox this far ahead of their time, with the texts and settings of then. */
export const PLANNING_HORIZON_MS = 48 * 3600_000;
/** How often the horizon is walked forward. Changes (appointments, rules, clients) re-plan at once, not on this beat. */
export const PLANNING_INTERVAL_MS = 10 * 60_000;
/** Appointments read and planned per transaction. */
const BATCH = 500;

export interface PlannerDeps {
  db: Database;
  clock: Clock;
  timers: Timers;
  log: Logger;
  settings: SettingsService;
  reminderSettings: ReminderSettingsService;
  /** Told the ids of the messages each pass queued, updated or cancelled. */
  onChanged: (messageIds: number[]) => void;
}

/**
 * Keeps the outbox's reminders in step with the calendar: a periodic pass plans
 * what comes within the horizon, and every change to an appointment, a rule, a
 * client or the sending hours re-plans the appointments it touches. Passes run
 * one at a time, so two never plan the same appointment from the same stale read.
 */
export class ReminderPlanner {
  private readonly plans: ReminderPlanRepository;
  private readonly rules: ReminderRulesRepository;
  private readonly mutex = new Mutex();
  /** Re-plans under way, whoever started them. */
  private readonly pending = new Set<Promise<unknown>>();
  private cancelTimer: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly deps: PlannerDeps) {
    this.plans = new ReminderPlanRepository(deps.db);
    this.rules = new ReminderRulesRepository(deps.db);
  }

  /** Plans now, then every PLANNING_INTERVAL_MS until stop(). */
  start(): void {
    const tick = () => {
      this.cancelTimer = undefined;
      if (this.stopped) return;
      this.planHorizon()
        .catch((err: unknown) => this.deps.log.error('reminder planning failed', err))
        .finally(() => {
          if (!this.stopped) this.cancelTimer = this.deps.timers.schedule(PLANNING_INTERVAL_MS, tick);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    // Let passes in progress finish their transactions; those that start now find `stopped` and do nothing.
    await this.idle();
  }

  /** Plans every appointment that an active rule wants a reminder for within the horizon and that has none yet. */
  planHorizon(): Promise<number> {
    return this.track(this.mutex.run(async () => {
      const now = this.deps.clock.now();
      if (this.stopped) return 0;
      const rules = await this.rules.list(true);
      if (rules.length === 0) return 0;
      const maxOffset = Math.max(...rules.map((rule) => rule.offsetMinutes)) * 60_000;
      const ids = await this.plans.unplanned(now, now + PLANNING_HORIZON_MS, maxOffset);
      return this.planLocked(ids, now);
    }));
  }

  /** Re-plans these appointments (created, moved, cancelled, deleted…). */
  planAppointments(ids: readonly number[]): Promise<number> {
    return this.track(this.mutex.run(() => this.planLocked(ids, this.deps.clock.now())));
  }

  /** After a rule or the sending hours changed: every open reminder, and the horizon. */
  replanAll(filter: { ruleId?: number } = {}): Promise<number> {
    return this.track(
      (async () => {
        const open = await this.plans.withOpenReminders(this.deps.clock.now(), filter);
        return (await this.planAppointments(open)) + (await this.planHorizon());
      })(),
    );
  }

  /** After a client changed (name, language, mobile, opt-out): their upcoming appointments. */
  replanClient(clientId: number): Promise<number> {
    return this.track((async () => this.planAppointments(await this.plans.upcomingOfClient(clientId, this.deps.clock.now())))());
  }

  /** Resolves once every re-plan started so far (by events, say) has finished: for tests and orderly shutdowns. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  private async planLocked(ids: readonly number[], now: number): Promise<number> {
    // A re-plan started by a change just before shutdown finds the store closing: it has nothing left to do.
    if (ids.length === 0 || this.stopped) return 0;
    const context = await this.context(now);
    let changed = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const appointments = await this.plans.appointments(batch);
      const existing = await this.plans.reminders(batch);
      const byAppointment = new Map<number, ExistingReminder[]>();
      for (const row of existing) byAppointment.set(row.appointmentId, [...(byAppointment.get(row.appointmentId) ?? []), row]);
      const changes = appointments.flatMap((appointment) => planAppointment(appointment, byAppointment.get(appointment.id) ?? [], context));
      const touched = await this.plans.apply(changes, now);
      if (touched.length > 0) this.deps.onChanged(touched);
      changed += touched.length;
    }
    return changed;
  }

  private async context(now: number): Promise<PlanContext> {
    const office = await this.deps.settings.get();
    return {
      now,
      horizonEnd: now + PLANNING_HORIZON_MS,
      rules: await this.rules.list(true),
      settings: await this.deps.reminderSettings.get(),
      timeZone: office.timeZone,
      officeName: office.officeName,
      // Grouped for reading and tappable on any phone: "+39 06 1234 5678".
      officePhone: office.officePhone === '' ? '' : formatPhone(office.officePhone),
    };
  }
}
