/**
 * UI timings in headless Chromium against the real web bridge (DESIGN.md section 6:
 * first screen ≤ 500 ms; week view with 1,000 appointments ≤ 150 ms), serving the
 * UI that bundle-bench.ts built.
 *
 * Both are measured inside the page, on the page's own clock (performance.now(),
 * which counts from the navigation's start), and end when the frame that shows the
 * content has been rendered: a requestAnimationFrame loop checks the DOM before each
 * frame; once the content is there, a task queued from that frame's callback runs
 * after the frame's style, layout and paint, and its time is the figure.
 *
 * - First screen: a demo office (the calendar's week with this week's appointments
 *   is the screen the app opens on). From the navigation's start to the frame that
 *   shows the week grid with its appointments (`.ec-week-view .ec-event.pm-event`).
 *   Every run is a new browser context, so an empty HTTP and code cache: a first visit.
 * - Week: a fresh office with a busy next week, seeded as test/e2e/calendar.test.ts
 *   does (Monday to Friday, 10 chairs × 20 half-hour slots from 08:00 = 1,000). On
 *   the current (empty) week, a real ArrowRight key press (the calendar's "next"
 *   shortcut); from the key event's timestamp to the frame that shows all 1,000.
 *   That is the data call over HTTP, React, the calendar's layout and the paint.
 *   Each run is a fresh page (the figure judged); then, back a week and forward
 *   again in the same page, the same with the code warm (reported beside it).
 *
 * Each figure has one unmeasured warm-up run first (the server's first requests
 * after it starts are slow for reasons that are not the UI's), then RUNS runs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { utcToZoned, zonedToUtc } from '../../src-main/domain/time-zone';
import { callApi } from '../e2e/calendar-grid';
import { launchBrowser, startWebApp, type RunningWebApp } from '../e2e/web-app';
import { median, percentile } from './report';

const RUNS = 10;
const ROME = 'Europe/Rome';
const DAY_MS = 24 * 3600_000;
const BUSY_WEEK = 1000;
const EVENT = '.ec-event.pm-event';
const FIRST_SCREEN = `.ec-week-view ${EVENT}`;

export interface FirstScreenRun {
  /** Navigation start → the frame showing the week grid with its appointments. */
  renderedMs: number;
  /** Navigation start → the rAF check that first found them in the DOM (before that frame's layout and paint). */
  inDomMs: number;
  /** Appointments drawn at that moment. */
  events: number;
  responseEndMs: number | undefined;
  domContentLoadedMs: number | undefined;
  firstContentfulPaintMs: number | undefined;
  /** Paths of the JS and CSS the page had loaded by then. */
  assets: string[];
  /** What the page fetched by then (path, start and end of each request, on the page's clock). */
  requests: Request[];
}

export interface Request {
  path: string;
  startMs: number;
  endMs: number;
}

export interface WeekRun {
  /** Key event → the frame showing all 1,000 appointments. */
  drawnMs: number;
  /** Key event → the rAF check that first found all 1,000 in the DOM. */
  inDomMs: number;
  events: number;
  /** Whether the key event's own timestamp was used (else the time our listener ran). */
  fromEventTimestamp: boolean;
  /** The week's appointments.list call, from the key event: when it was sent and when its answer was in. */
  apiStartMs: number | undefined;
  apiEndMs: number | undefined;
  /** The same again in the same page (back a week, then forward): the calendar's code warm. */
  warmDrawnMs: number;
}

export interface UiFigures {
  chromium: string;
  runs: number;
  firstScreen: { medianMs: number; p95Ms: number; runs: FirstScreenRun[] };
  week: { medianMs: number; p95Ms: number; runs: WeekRun[] };
  /** Union over the first-screen runs of the JS and CSS loaded before the first screen showed. */
  firstScreenAssets: string[];
}

export async function benchUi(rendererDir: string): Promise<UiFigures> {
  const browser = await launchBrowser();
  try {
    const firstScreenRuns = await withApp(rendererDir, { demo: true }, async (app) => {
      await firstScreen(browser, app.url); // warm-up
      const runs: FirstScreenRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await firstScreen(browser, app.url));
      return runs;
    });
    const weekRuns = await withApp(rendererDir, {}, async (app) => {
      await seedBusyWeek(app);
      await weekView(browser, app.url); // warm-up
      const runs: WeekRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await weekView(browser, app.url));
      return runs;
    });
    const rendered = firstScreenRuns.map((run) => run.renderedMs);
    const drawn = weekRuns.map((run) => run.drawnMs);
    return {
      chromium: browser.version(),
      runs: RUNS,
      firstScreen: { medianMs: median(rendered), p95Ms: percentile(rendered, 95), runs: firstScreenRuns },
      week: { medianMs: median(drawn), p95Ms: percentile(drawn, 95), runs: weekRuns },
      firstScreenAssets: [...new Set(firstScreenRuns.flatMap((run) => run.assets))].sort(),
    };
  } finally {
    await browser.close();
  }
}

async function withApp<T>(rendererDir: string, options: { demo?: boolean }, use: (app: RunningWebApp) => Promise<T>): Promise<T> {
  const app = await startWebApp({ ...options, entry: 'test/bench/ui-server.ts', extraArgs: ['--renderer-dir', rendererDir] });
  try {
    return await use(app);
  } finally {
    await app.stop();
  }
}

/** A context like the e2e tests' (Italian, Rome, 1366 × 800), with page errors turned into a failed run. */
async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'it-IT', timezoneId: ROME, viewport: { width: 1366, height: 800 } });
  // tsx compiles this file with esbuild's keepNames: the functions sent to the page call its __name helper.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

interface ProbeWindow {
  __pmFirstScreen?: Omit<FirstScreenRun, 'assets' | 'requests'> & { resources: Request[] };
  __pmWeek?: { pressedAt: number; handledAt: number; seenAt: number; paintedAt: number; events: number; resources: Request[] };
}


/** Installed before the page's own scripts: watches every frame for the first screen's content. */
function firstScreenProbe(selector: string): void {
  const probe = window as unknown as ProbeWindow;
  const check = () => {
    const events = document.querySelectorAll(selector).length;
    if (events === 0) {
      requestAnimationFrame(check);
      return;
    }
    const inDomMs = performance.now();
    setTimeout(() => {
      const renderedMs = performance.now();
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      probe.__pmFirstScreen = {
        renderedMs,
        inDomMs,
        events,
        responseEndMs: navigation?.responseEnd,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd,
        firstContentfulPaintMs: paint?.startTime,
        resources: performance.getEntriesByType('resource').map((entry) => ({
          path: new URL(entry.name).pathname,
          startMs: entry.startTime,
          endMs: (entry as PerformanceResourceTiming).responseEnd,
        })),
      };
    }, 0);
  };
  requestAnimationFrame(check);
}

async function firstScreen(browser: Browser, url: string): Promise<FirstScreenRun> {
  const { context, page, errors } = await newPage(browser);
  try {
    await context.addInitScript(firstScreenProbe, FIRST_SCREEN);
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as unknown as ProbeWindow).__pmFirstScreen, undefined, { timeout: 30_000 });
    const { resources, ...run } = (await handle.jsonValue()) as NonNullable<ProbeWindow['__pmFirstScreen']>;
    if (errors.length > 0) throw new Error(`the first screen logged errors: ${errors.join('; ')}`);
    const assets = resources.map((request) => request.path.replace(/^\//, '')).filter((path) => /\.(js|css)$/.test(path));
    return { ...run, assets, requests: resources };
  } finally {
    await context.close();
  }
}

async function weekView(browser: Browser, url: string): Promise<WeekRun> {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(url);
    // The current week, empty in this office: grid and empty notice drawn, start-up calls answered.
    await page.locator('.ec-week-view').waitFor();
    await page.getByRole('alert').first().waitFor();
    await page.waitForTimeout(500);
    const cold = await timeNextWeek(page);
    // Back to the empty week, and forward again: the same page, its code now warm.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, EVENT);
    await page.waitForTimeout(300);
    const warm = await timeNextWeek(page);
    if (errors.length > 0) throw new Error(`the week view logged errors: ${errors.join('; ')}`);
    return { ...cold, warmDrawnMs: warm.drawnMs };
  } finally {
    await context.close();
  }
}

/** Presses ArrowRight on a week with nothing drawn and times it until the frame that shows all 1,000 appointments. */
async function timeNextWeek(page: Page): Promise<Omit<WeekRun, 'warmDrawnMs'>> {
  if ((await page.locator(EVENT).count()) !== 0) throw new Error('the week before the busy one should be empty');
  await page.evaluate(
    ({ selector, count }) => {
      const probe = window as unknown as ProbeWindow;
      delete probe.__pmWeek;
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'ArrowRight') return;
        window.removeEventListener('keydown', onKey, true);
        const handledAt = performance.now();
        const pressedAt = event.timeStamp;
        const check = () => {
          const events = document.querySelectorAll(selector).length;
          if (events < count) {
            requestAnimationFrame(check);
            return;
          }
          const seenAt = performance.now();
          setTimeout(() => {
            const paintedAt = performance.now();
            const resources = performance.getEntriesByType('resource').map((entry) => ({
              path: new URL(entry.name).pathname,
              startMs: entry.startTime,
              endMs: (entry as PerformanceResourceTiming).responseEnd,
            }));
            probe.__pmWeek = { pressedAt, handledAt, seenAt, paintedAt, events, resources };
          }, 0);
        };
        requestAnimationFrame(check);
      };
      // Capturing on window: before the calendar's own listener sees the key.
      window.addEventListener('keydown', onKey, true);
    },
    { selector: EVENT, count: BUSY_WEEK },
  );
  await page.keyboard.press('ArrowRight');
  const handle = await page.waitForFunction(() => (window as unknown as ProbeWindow).__pmWeek, undefined, { timeout: 30_000 });
  const probe = (await handle.jsonValue()) as NonNullable<ProbeWindow['__pmWeek']>;
  if (probe.events !== BUSY_WEEK) throw new Error(`expected ${BUSY_WEEK} appointments drawn, found ${probe.events}`);
  // The key event's timestamp is when the browser took the key; trust it if it is on the page's clock.
  const fromEventTimestamp = probe.pressedAt > 0 && probe.pressedAt <= probe.handledAt && probe.handledAt - probe.pressedAt < 1000;
  const start = fromEventTimestamp ? probe.pressedAt : probe.handledAt;
  const api = probe.resources.findLast((request) => request.path.endsWith('/appointments.list') && request.startMs >= start);
  return {
    drawnMs: probe.paintedAt - start,
    inDomMs: probe.seenAt - start,
    events: probe.events,
    fromEventTimestamp,
    apiStartMs: api && api.startMs - start,
    apiEndMs: api && api.endMs - start,
  };
}

/**
 * Next week, Monday to Friday, 10 chairs × 20 half-hour slots a day from 08:00 Rome
 * time, written beside the running app over a second connection, as the e2e test does.
 * The office is set to Rome first, so that its weeks are the browser's.
 */
async function seedBusyWeek(app: RunningWebApp): Promise<void> {
  await callApi(app.url, 'settings.update', { timeZone: ROME });
  const today = utcToZoned(Date.now(), ROME);
  const todayUtc = new Date(Date.UTC(today.year, today.month - 1, today.day));
  const monday = new Date(todayUtc.getTime() + (8 - (todayUtc.getUTCDay() || 7)) * DAY_MS);
  const db = await SqliteConnection.open(databasePathIn(app.dataDir), 'readwrite-create');
  try {
    db.setBusyTimeout(5000);
    await db.exec(`BEGIN;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
        INSERT INTO clients (id, first_name, last_name, created_at, updated_at) SELECT i, 'Nome' || i, 'Cognome' || i, 0, 0 FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
        INSERT INTO rooms (id, name, sort_order, created_at, updated_at) SELECT i, 'Poltrona ' || i, i, 0, 0 FROM n;
      COMMIT;`);
    const rows: string[] = [];
    for (let i = 0; i < BUSY_WEEK; i++) {
      const date = new Date(monday.getTime() + Math.floor(i / 200) * DAY_MS);
      const room = 1 + Math.floor((i % 200) / 20);
      const slot = i % 20;
      const start = zonedToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 8, minute: slot * 30 }, ROME);
      rows.push(`(${1 + (i % 200)}, ${room}, ${start}, ${start + 30 * 60_000}, 0, 0)`);
    }
    await db.exec(`INSERT INTO appointments (client_id, room_id, start_at, end_at, created_at, updated_at) VALUES ${rows.join(',')}`);
  } finally {
    await db.close();
  }
  const from = zonedToUtc({ year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate(), hour: 0, minute: 0 }, ROME);
  const { items } = await callApi(app.url, 'appointments.list', { from, to: from + 7 * DAY_MS + 3600_000 });
  if (items.length !== BUSY_WEEK) throw new Error(`seeded ${BUSY_WEEK} appointments next week, the app lists ${items.length}`);
}
