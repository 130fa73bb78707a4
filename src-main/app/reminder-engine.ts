import type { DispatchStatus } from '../contract/messages-schemas';
import type { Database } from '../db/database';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import type { SettingsRepository } from '../db/repositories/settings-repository';
import { Dispatcher } from '../domain/messages/dispatcher';
import { MessageService } from '../domain/messages/message-service';
import { ReplyService } from '../domain/messages/reply-service';
import { ReminderPlanner } from '../domain/reminders/reminder-planner';
import { ReminderSettingsService } from '../domain/reminders/reminder-settings-service';
import type { SettingsService } from '../domain/settings-service';
import type { InboundSms } from '../sms/transport';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import type { Logger } from './logger';
import type { RandomSource } from './random';
import type { SmsChannel } from './sms-channel';
import type { Timers } from './timers';

const PAUSED_KEY = 'dispatch.paused';
/** The status line is recomputed at most this often while messages stream by. */
const STATUS_COALESCE_MS = 250;

export interface ReminderEngineDeps {
  db: Database;
  clock: Clock;
  timers: Timers;
  random: RandomSource;
  log: Logger;
  events: EventHub;
  settings: SettingsService;
  settingsRepository: SettingsRepository;
  sms: SmsChannel;
  actor: string;
}

/**
 * The reminder engine: the planner keeps the outbox in step with the calendar,
 * the dispatcher sends what is due, the reply service reads what comes back. This
 * is the one place they are connected to each other, to the channel and to the
 * UI's events; each of them knows only its own job.
 */
export class ReminderEngine {
  readonly reminderSettings: ReminderSettingsService;
  readonly planner: ReminderPlanner;
  readonly dispatcher: Dispatcher;
  readonly messages: MessageService;
  readonly replies: ReplyService;
  private readonly outbox: OutboxRepository;
  private readonly stops: (() => void)[] = [];
  private statusTimer: (() => void) | undefined;
  /** Set when another process holds the dispatch lock: this one plans nothing and sends nothing. */
  sendingElsewhere: string | null = null;

  constructor(private readonly deps: ReminderEngineDeps) {
    const { db, clock, timers, random, log, events, settings, sms } = deps;
    const timeZone = async () => (await settings.get()).timeZone;
    const messagesChanged = (ids: number[]) => events.emit('messages.changed', { ids });
    this.outbox = new OutboxRepository(db);
    this.reminderSettings = new ReminderSettingsService(deps.settingsRepository);
    this.dispatcher = new Dispatcher({
      outbox: this.outbox,
      channel: sms,
      clock,
      timers,
      random,
      log,
      reminderSettings: () => this.reminderSettings.get(),
      timeZone,
      onChanged: (ids) => {
        messagesChanged(ids);
        this.statusChanged();
      },
      onStatusChanged: () => this.statusChanged(),
    });
    this.planner = new ReminderPlanner({
      db,
      clock,
      timers,
      log,
      settings,
      reminderSettings: this.reminderSettings,
      onChanged: (ids) => {
        messagesChanged(ids);
        this.dispatcher.wake();
      },
    });
    this.messages = new MessageService({ db, clock, timeZone, actor: deps.actor, onChanged: messagesChanged, wakeDispatcher: () => this.dispatcher.wake() });
    this.replies = new ReplyService({ db, clock, log, settings: () => settings.get(), reminderSettings: () => this.reminderSettings.get() });
  }

  async start(): Promise<void> {
    const { events, sms, log } = this.deps;
    const replan = (work: Promise<number>) => work.catch((err: unknown) => log.error('re-planning reminders failed', err));
    this.stops.push(
      events.subscribe(({ event, payload }) => {
        if (event === 'appointments.changed') void replan(this.planner.planAppointments(payload.ids));
        else if (event === 'clients.changed') for (const id of payload.ids) void replan(this.planner.replanClient(id));
        else if (event === 'settings.changed') void replan(this.planner.replanAll());
      }),
      sms.subscribe((event) => {
        if (event.type === 'inbound') void this.receive(event.sms);
      }),
    );
    await this.dispatcher.start((await this.deps.settingsRepository.read(PAUSED_KEY)) === true);
    this.planner.start();
  }

  /** Stops planning and claiming; call drain() once the channel is closed. */
  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    this.statusTimer?.();
    this.statusTimer = undefined;
    this.dispatcher.stop();
    await this.planner.stop();
  }

  drain(): Promise<void> {
    return this.dispatcher.drain();
  }

  /** Messages changed outside the engine's own services (a rule deleted): lists reload, the status line too. */
  notifyMessagesChanged(ids: number[]): void {
    if (ids.length === 0) return;
    this.deps.events.emit('messages.changed', { ids });
    this.statusChanged();
  }

  async setPaused(paused: boolean): Promise<DispatchStatus> {
    await this.deps.settingsRepository.write({ [PAUSED_KEY]: paused }, this.deps.actor, this.deps.clock.now());
    if (paused) this.dispatcher.pause();
    else this.dispatcher.resume();
    return this.status();
  }

  async status(): Promise<DispatchStatus> {
    const snapshot = this.dispatcher.snapshot();
    return {
      paused: snapshot.paused,
      channel: this.deps.sms.status(),
      queued: await this.outbox.queuedCount(),
      nextSendAt: snapshot.nextSendAt,
      quietUntil: snapshot.quietUntil,
      inFlight: snapshot.inFlight,
      sendingElsewhere: this.sendingElsewhere,
    };
  }

  private async receive(sms: InboundSms): Promise<void> {
    const { events, log } = this.deps;
    try {
      const outcome = await this.replies.receive(sms, this.deps.sms.kind());
      events.emit('inbox.changed', { id: outcome.inboundId });
      if (outcome.appointmentChanged !== null) events.emit('appointments.changed', { ids: [outcome.appointmentChanged] });
      if (outcome.optedOut && outcome.clientId !== null) events.emit('clients.changed', { ids: [outcome.clientId] });
      if (outcome.acknowledgementId !== null) {
        events.emit('messages.changed', { ids: [outcome.acknowledgementId] });
        this.dispatcher.wake();
      }
    } catch (err) {
      // The SMSC or modem already has its answer; the text is lost to us, so say so loudly.
      log.error(`a reply from an SMS could not be stored (${sms.text.length} characters)`, err);
    }
  }

  /** Coalesced: a burst of sends updates the status line a few times a second, not once per message. */
  private statusChanged(): void {
    if (this.statusTimer) return;
    this.statusTimer = this.deps.timers.schedule(STATUS_COALESCE_MS, () => {
      this.statusTimer = undefined;
      this.status().then(
        (status) => this.deps.events.emit('dispatch.status', status),
        (err: unknown) => this.deps.log.error('could not read the sending status', err),
      );
    });
  }
}
