// Starts and stops code-server for the end-to-end run: a throwaway user-data and extensions dir, the packaged
// extension installed with --install-extension, the in-host test extension linked in as an unpacked folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './wait';

/** User settings that keep the workbench quiet and deterministic (no welcome page, tips, network, auto-popups). */
export const TEST_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  // Suggestions only when asked for (Ctrl+Space): a popup that appears while a test types would take its Tab/Enter.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.parameterHints.enabled': false,
  'editor.hover.enabled': true,
  'editor.minimap.enabled': false,
};

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  settingsFile: string;
}

function runChecked(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Creates the user-data and extensions dirs under `root`, installs the vsix and links the unpacked extensions. */
export function prepareProfile(bin: string, root: string, vsix: string, unpacked: Array<{ id: string; version: string; dir: string }>): Profile {
  const profile: Profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    settingsFile: path.join(root, 'user-data', 'User', 'settings.json'),
  };
  fs.mkdirSync(path.dirname(profile.settingsFile), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  writeSettings(profile, {});
  const out = runChecked(bin, ['--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--install-extension', vsix], 'code-server --install-extension');
  if (!/successfully installed/i.test(out)) throw new Error(`code-server --install-extension did not confirm the install:\n${out}`);
  linkUnpacked(profile.extensionsDir, unpacked);
  return profile;
}

/**
 * Links unpacked extension folders into the extensions dir. Once --install-extension has written extensions.json,
 * VS Code only loads what that file lists, so each folder also gets an entry there.
 */
function linkUnpacked(extensionsDir: string, unpacked: Array<{ id: string; version: string; dir: string }>): void {
  const listFile = path.join(extensionsDir, 'extensions.json');
  const list: Array<{ identifier: { id: string } }> = fs.existsSync(listFile) ? JSON.parse(fs.readFileSync(listFile, 'utf8')) : [];
  for (const ext of unpacked) {
    const folder = `${ext.id}-${ext.version}`;
    const location = path.join(extensionsDir, folder);
    fs.symlinkSync(ext.dir, location, 'dir');
    list.push({ identifier: { id: ext.id }, version: ext.version, location: { $mid: 1, path: location, scheme: 'file' }, relativeLocation: folder } as never);
  }
  fs.writeFileSync(listFile, JSON.stringify(list));
}

/**
 * A second profile for a code-server of its own: a fresh user-data dir under `root` (settings, storage, logs), the
 * extensions dir of `base` (already holding the installed vsix and the linked folders; only read at startup).
 */
export function deriveProfile(base: Profile, root: string): Profile {
  const profile: Profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: base.extensionsDir,
    settingsFile: path.join(root, 'user-data', 'User', 'settings.json'),
  };
  fs.mkdirSync(path.dirname(profile.settingsFile), { recursive: true });
  writeSettings(profile, {});
  return profile;
}

/** Writes the user keybindings (`keybindings.json` next to the settings); an empty list is VS Code's default. */
export function writeKeybindings(profile: Profile, keybindings: Array<{ key: string; command: string; when?: string }>): void {
  fs.writeFileSync(path.join(path.dirname(profile.settingsFile), 'keybindings.json'), JSON.stringify(keybindings, null, 2));
}

/** Writes the user settings: the test defaults plus `extra`. Windows opened afterwards read them. */
export function writeSettings(profile: Profile, extra: Record<string, unknown>): void {
  const text = JSON.stringify({ ...TEST_SETTINGS, ...extra }, null, 2);
  fs.writeFileSync(profile.settingsFile, text);
  // Machine-scoped settings (stevedore.kubeconfig, stevedore.kubectl.path) count only in the server's machine
  // settings in a remote window, which is what code-server gives the browser.
  const machine = path.join(profile.userDataDir, 'Machine', 'settings.json');
  fs.mkdirSync(path.dirname(machine), { recursive: true });
  fs.writeFileSync(machine, text);
}

export interface CodeServer {
  url: string;
  /** Everything code-server printed so far. */
  output(): string;
  /** The extension host log folders (`exthostN`) that exist now. */
  extensionHostLogDirs(): string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep Workspace Trust on (windows start untrusted and ask); by default it is off and every folder is trusted. */
  workspaceTrust?: boolean;
}

/** Starts code-server on a free port of 127.0.0.1 and resolves once it listens. */
export async function startCodeServer(bin: string, profile: Profile, env: Record<string, string> = {}, opts: StartOptions = {}): Promise<CodeServer> {
  const args = [
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // Own process group, so stopping it also ends the extension hosts and language servers it started.
  const child: ChildProcess = spawn(bin, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exit;
    clearTimeout(timer);
  };
  try {
    const url = await waitFor('code-server to listen', () => {
      if (exited) throw new Error(`code-server exited:\n${output}`);
      return /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    }, 60_000);
    return {
      url,
      output: () => output,
      extensionHostLogDirs: () => findExtensionHostLogs(path.join(profile.userDataDir, 'logs')),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function findExtensionHostLogs(logs: string): string[] {
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs).flatMap((session) => {
    const dir = path.join(logs, session);
    if (!fs.statSync(dir).isDirectory()) return [];
    return fs.readdirSync(dir).filter((n) => n.startsWith('exthost')).map((n) => path.join(dir, n));
  });
}
