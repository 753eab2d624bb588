// What a scenario is: a fixture folder copied to a throwaway workspace, optional setup, and steps in the browser.
import type { Page } from 'playwright-core';
import type { Workbench } from './workbench';

export interface SetupContext {
  /** The throwaway copy of the fixture that the window opens. */
  folder: string;
  /** Adds user settings for this scenario's window (written before it opens). */
  settings: Record<string, unknown>;
  /** Extra environment is not possible per window (one code-server); scenarios use settings instead. */
  log(message: string): void;
}

export interface ScenarioContext {
  page: Page;
  wb: Workbench;
  folder: string;
  /** Saves a screenshot named `<n>-<slug>-<name>.png`; with --update-screenshots also docs/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
  log(message: string): void;
}

export interface Scenario {
  slug: string;
  title: string;
  /** Folder under test/e2e/workspace (or an absolute path) copied for the scenario. */
  fixture: string;
  /** Runs before the window opens; the returned function runs after the scenario, also on failure. */
  setup?(ctx: SetupContext): Promise<(() => Promise<void>) | void> | void;
  run(ctx: ScenarioContext): Promise<void>;
}
