import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../support/run-entry';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

export interface RunningWebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartWebAppOptions {
  demo?: boolean;
  /**
   * Another entry taking the same arguments and printing the same "Promemoria: <url>"
   * line (the benchmarks serve a UI built elsewhere); the real web entry by default.
   */
  entry?: string;
  /** Further arguments for the entry. */
  extraArgs?: readonly string[];
  /**
   * Keep the welcome wizard a new empty office shows at first start. By default the
   * office is marked as set up (through the API, as the wizard's "skip" does), so
   * tests of other screens start on the calendar.
   */
  firstRun?: boolean;
}

/**
 * Starts the real web entry (what `npm run web` runs once the UI is built) on a free
 * port with a fresh data folder, and waits for the line with its URL.
 */
export async function startWebApp(options: StartWebAppOptions = {}): Promise<RunningWebApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'promemoria-e2e-'));
  const args = ['--import', 'tsx', options.entry ?? 'src-main/web/main.ts', '--port', '0', '--data-dir', dataDir, ...(options.extraArgs ?? [])];
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Promemoria: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`web entry exited with ${code}: ${stderr}`)));
  });
  if (!options.firstRun) await completeSetup(url);
  return {
    url,
    dataDir,
    async stop() {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls setup.complete on the web bridge, with the token from the printed link. */
async function completeSetup(url: string): Promise<void> {
  const link = new URL(url);
  const response = await fetch(new URL('/api/setup.complete', link.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${link.searchParams.get('token') ?? ''}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`setup.complete failed: ${response.status} ${await response.text()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Debian's Chromium, headless, with nothing that would reach for the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

export interface PageOptions {
  /** The browser's language, which the app follows until the office picks one. */
  locale: string;
  /** The computer's clock zone; the app must show the office's zone whatever this is. */
  timezoneId?: string;
  /** Console errors a test provokes on purpose (a refused booking is an HTTP 409). */
  expectedConsoleErrors?: RegExp;
}

/** A fresh browser context and page on `url`, collecting console and page errors for the test to check. */
export async function openPage(browser: Browser, url: string, options: PageOptions): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    viewport: { width: 1366, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (options.expectedConsoleErrors?.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return { page, consoleErrors };
}
