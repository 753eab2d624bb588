// What a scenario is: a fixture folder copied to a throwaway workspace, optional setup, and steps in the browser.
import type { Page } from 'playwright-core';
import type { Workbench } from './workbench';

export interface SetupContext {
  /** The throwaway copy of the fixture that the window opens. */
  folder: string;
  /** Adds user settings for this scenario's window (written before it opens). */
  settings: Record<string, unknown>;
  /** Adds user keybindings for this scenario's window, e.g. to run a command by id that the palette hides. */
  keybindings: Array<{ key: string; command: string; when?: string }>;
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
  /**
   * Runs the window in a code-server of its own with Workspace Trust on (own user-data dir, stopped after the
   * scenario); the shared one runs with --disable-workspace-trust, so every other folder is trusted.
   */
  workspaceTrust?: boolean;
  /** Folder under test/e2e/workspace (or an absolute path) copied for the scenario. */
  fixture: string;
  /** Runs before the window opens; the returned function runs after the scenario, also on failure. */
  setup?(ctx: SetupContext): Promise<(() => Promise<void>) | void> | void;
  run(ctx: ScenarioContext): Promise<void>;
}
