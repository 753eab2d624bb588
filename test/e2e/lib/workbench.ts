// Drives the VS Code workbench in the browser the way a person does: keyboard shortcuts, Quick Open, the command
// palette, the Ctrl+. menu, the Problems panel. Every step waits on a selector or a condition, never on a sleep.
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './wait';

const STEP = 30_000;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Workbench {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens a folder in this page and waits until the explorer shows its files. */
  async openFolder(folder: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits until its editor is active. */
  async openFile(relPath: string): Promise<void> {
    const base = relPath.split('/').pop()!;
    const input = await this.quickInput('Control+P');
    await input.fill(relPath);
    // Quick Open lists matches as the file search finds them; wait for the one whose label is the file's name.
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(base)}$`) }) }).first();
    await row.waitFor({ timeout: STEP });
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: STEP });
    await this.page.locator('.monaco-editor.focused').waitFor({ timeout: STEP });
  }

  /** Presses the shortcut and returns the Quick Input box once it is visible. */
  private async quickInput(shortcut: string): Promise<Locator> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: STEP });
    return input;
  }

  /** Runs a command from the command palette (Ctrl+Shift+P) by its exact label. */
  async runCommand(label: string): Promise<void> {
    const input = await this.quickInput('Control+Shift+P');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    await row.waitFor({ timeout: STEP });
    // The list re-renders while the palette filters (and when "recently used" moves a row): a click can keep finding
    // the row unstable. The exact match is then the focused first row, which Enter runs.
    try {
      await row.click({ timeout: 5_000 });
    } catch {
      await input.press('Enter');
    }
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP });
  }

  /** Moves the cursor with Go to Line (Ctrl+G) and waits until the status bar shows the position. */
  async goToLine(line: number, column = 1): Promise<void> {
    const input = await this.quickInput('Control+G');
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: STEP });
  }

  /** Waits until the editor shows a diagnostic squiggle of one of these kinds; returns how many there are. */
  async waitForSquiggles(kinds = ['warning', 'error', 'info']): Promise<number> {
    const sel = kinds.map((k) => `.monaco-editor .squiggly-${k}`).join(', ');
    await this.page.locator(sel).first().waitFor({ timeout: 60_000 });
    return this.page.locator(sel).count();
  }

  /**
   * Opens the Ctrl+. menu at the cursor and waits until it lists `title`; returns every action it offers. Right after
   * the layout changes (a panel opening or closing) the first request can come back empty ("No code actions
   * available"), so the menu is asked again until the deadline.
   */
  async openCodeActions(title: string, timeoutMs = STEP): Promise<string[]> {
    const widget = this.page.locator('.action-widget');
    const rows = widget.locator('.monaco-list-row.action');
    // Either the menu or the editor's "No code actions available" message, whichever shows.
    const answer = this.page.locator('.action-widget, .monaco-editor-overlaymessage').filter({ visible: true });
    let offered: string[] = [];
    const found = await waitFor(`"${title}" in the Ctrl+. menu`, async () => {
      await this.page.keyboard.press('Control+.');
      await answer.first().waitFor({ timeout: STEP });
      if (await widget.isVisible()) {
        offered = (await rows.allInnerTexts()).map((t) => t.trim());
        if (offered.includes(title)) return offered;
      }
      await this.page.keyboard.press('Escape');
      await waitFor('the Ctrl+. answer to close', async () => (await answer.count()) === 0, STEP);
      return undefined;
    }, timeoutMs, 500).catch((e: Error) => {
      throw new Error(`${e.message}; it offers: ${offered.join(' | ') || '(nothing)'}`);
    });
    return found;
  }

  /**
   * Picks the action with this title from the Ctrl+. menu with the keyboard (the menu sits under a pointer-blocking
   * overlay) and waits for the menu to close. Returns every action it offered.
   */
  async codeAction(title: string): Promise<string[]> {
    const offered = await this.openCodeActions(title);
    const focused = () => this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label', { timeout: STEP });
    for (let moves = 0; (await focused()) !== title; moves++) {
      if (moves > offered.length) throw new Error(`could not move the Ctrl+. menu's focus to "${title}"`);
      const before = await focused();
      await this.page.keyboard.press('ArrowDown');
      await waitFor('the Ctrl+. menu focus to move', async () => (await focused()) !== before, STEP);
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: STEP });
    return offered;
  }

  /** Gives the keyboard back to the active editor (Ctrl+1) and waits until it has focus. */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Control+1');
    await this.page.locator('.monaco-editor.focused').waitFor({ timeout: STEP });
  }

  /**
   * Waits until the active editor's visible lines satisfy `ok`: a code action resolved through the server
   * (codeAction/resolve) applies its edit a round trip after it is chosen.
   */
  async waitForEditorText(what: string, ok: (text: string) => boolean, timeoutMs = STEP): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    let text = '';
    await waitFor(what, async () => ok((text = (await lines.innerText()).replace(/\u00a0/g, ' '))), timeoutMs);
    return text;
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: STEP });
  }

  /** Opens the Problems panel (Ctrl+Shift+M) at its normal size. */
  async showProblems(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ timeout: STEP });
  }

  private async setPanelMaximized(maximized: boolean): Promise<void> {
    // A maximized panel takes the editor area's place: judge by its height (the DOM has no stable marker class).
    const isMaximized = async () => {
      const box = await this.page.locator('.part.panel').boundingBox();
      return !!box && box.height > (this.page.viewportSize()?.height ?? 800) * 0.6;
    };
    if ((await isMaximized()) === maximized) return;
    await this.runCommand('View: Toggle Maximized Panel');
    await waitFor(`the panel to be ${maximized ? 'maximized' : 'restored'}`, async () => (await isMaximized()) === maximized, STEP);
  }

  /** The Problems rows as text lines (message, source, rule id, position). */
  async problemRows(): Promise<string[][]> {
    const texts = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    return texts.map((t) => t.split('\n').map((l) => l.trim()).filter(Boolean));
  }

  /** Runs `look` with the Problems panel maximized (so every row is rendered), then restores it and refocuses the editor. */
  private async inMaximizedProblems<T>(look: () => Promise<T>): Promise<T> {
    await this.showProblems();
    await this.setPanelMaximized(true);
    try {
      return await look();
    } finally {
      await this.setPanelMaximized(false);
      await this.focusEditor();
    }
  }

  /** Waits until the Problems panel lists a Stevedore entry for every rule id; returns the rows. */
  async waitForProblems(ruleIds: string[], timeoutMs = 60_000): Promise<string[][]> {
    let rows: string[][] = [];
    return this.inMaximizedProblems(async () => {
      try {
        return await waitFor(`Problems entries for ${ruleIds.join(', ')}`, async () => {
          rows = await this.problemRows();
          const ids = new Set(rows.filter((r) => r.includes('stevedore')).flatMap((r) => r));
          return ruleIds.every((id) => ids.has(id)) ? rows : undefined;
        }, timeoutMs);
      } catch (e) {
        throw new Error(`${(e as Error).message}; the panel shows:\n${rows.map((r) => r.join(' · ')).join('\n')}`);
      }
    });
  }

  /** Waits until no Problems entry carries the rule id. */
  async waitForNoProblem(ruleId: string, timeoutMs = 30_000): Promise<void> {
    await this.inMaximizedProblems(() =>
      waitFor(`the ${ruleId} entry to leave the Problems panel`, async () => !(await this.problemRows()).some((r) => r.includes(ruleId)), timeoutMs),
    );
  }

  /** Waits for a notification toast whose text matches, and returns its text. */
  async waitForNotification(text: RegExp, timeoutMs = 60_000): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    await toast.waitFor({ timeout: timeoutMs });
    return (await toast.innerText()).trim();
  }

  /** Clicks a button of the modal dialog (for example the confirmation of a rollout undo) and waits for it to close. */
  async answerDialog(button: string | RegExp, timeoutMs = STEP): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: timeoutMs });
    const message = (await dialog.innerText()).trim();
    await dialog.locator('.monaco-button', { hasText: button }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
    return message;
  }
}
