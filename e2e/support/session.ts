import assert from 'node:assert/strict';
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startDemo, type DemoServer } from './demo-server.ts';

/** One browser test file's world: its own demo server, its own Chromium, one page, numbered screenshots. */
export interface BrowserSession {
  readonly demo: DemoServer;
  readonly page: Page;
  /** Console errors and uncaught page errors, in the order they came. */
  readonly consoleErrors: string[];
  /** Uncaught page errors only. */
  readonly pageErrors: string[];
  /** Takes the next numbered screenshot and, unless `axe` is false, asserts axe-core finds nothing serious. */
  step(name: string, options?: { readonly axe?: boolean }): Promise<void>;
  /** Calls the API with the page's cookies and asserts the answer is a success. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Fills the sign-in form shown on the page and submits it. */
  signIn(email: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Folder of the screenshots; its `.png` files are removed first, its sub-folders (other files') are left. */
  readonly artifacts: string;
  readonly fullPage: boolean;
}

/** Starts the demo server and Chromium for one test file; call `close()` in its `after`. */
export async function openSession(options: SessionOptions): Promise<BrowserSession> {
  await mkdir(options.artifacts, { recursive: true });
  for (const entry of await readdir(options.artifacts, { withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith('.png')) await rm(`${options.artifacts}${entry.name}`);
  const demo = await startDemo();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await demo.stop();
    throw error;
  });
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => {
    consoleErrors.push(e.message);
    pageErrors.push(e.message);
  });
  let shot = 0;
  return {
    demo,
    page,
    consoleErrors,
    pageErrors,
    async step(name, stepOptions = {}) {
      shot += 1;
      await page.screenshot({
        path: `${options.artifacts}${String(shot).padStart(2, '0')}-${name}.png`,
        fullPage: options.fullPage,
      });
      if (stepOptions.axe !== false) assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
    },
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await page.request.fetch(`${demo.url}${path}`, {
        method,
        ...(body === undefined ? {} : { data: body }),
      });
      assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async signIn(email, password) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    async close() {
      await browser.close();
      await demo.stop();
    },
  };
}
