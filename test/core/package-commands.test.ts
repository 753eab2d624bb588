// The shell-command model (core/dockerfile/commands.ts, package-managers.ts): package managers, subcommands and
// aliases, value-taking options, version pins, assume-yes and no-cache flags, the environment that changes them.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { positionals, runCommands, subcommandAt } from '../../server/src/core/dockerfile/commands';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { apkAdd, aptQuietLevel, aptSubcommand, MANAGERS, packageCommand, parsePackage, pipInstall, promptingCommands, RPM_PROMPTING_ACTIONS } from '../../server/src/core/dockerfile/package-managers';
import { basename, urlFileName } from '../../server/src/core/dockerfile/paths';
import { initShellParser, type ShellCommand } from '../../server/src/core/dockerfile/shell';
import { commandEnv } from '../../server/src/core/dockerfile/stage-env';

/** The commands of the first RUN of `FROM debian:12\nRUN <script>`. */
function cmds(script: string): readonly ShellCommand[] {
  return runCommands(buildModel(`FROM debian:12\nRUN ${script}\n`).runs[0]);
}
const cmd = (script: string) => cmds(script)[0];

describe('package commands', () => {
  before(() => initShellParser());

  // apt-get(8): every option that takes a value. Losing one makes its value read as the subcommand.
  const APT_VALUE_OPTIONS = ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'];
  for (const opt of APT_VALUE_OPTIONS) {
    it(`apt-get ${opt} VALUE install: the value is not the subcommand or a package`, () => {
      const c = cmd(`apt-get ${opt} value install -y curl`);
      assert.equal(aptSubcommand(c)?.value, 'install');
      assert.deepEqual(packageCommand(c)?.packages.map((p) => p.name), ['curl']);
      assert.deepEqual(packageCommand(cmd(`apt-get install ${opt} value curl`))?.packages.map((p) => p.name), ['curl']);
    });
  }

  it('has one option table per manager, with no option listed twice', () => {
    for (const [name, spec] of Object.entries(MANAGERS)) assert.equal(new Set(spec.valueOpts).size, spec.valueOpts.length, name);
    assert.deepEqual([...MANAGERS.apt.valueOpts].sort(), [...APT_VALUE_OPTIONS].sort());
  });

  it('reads managers, subcommands and aliases', () => {
    const read = (s: string) => {
      const p = packageCommand(cmd(s));
      return p && `${p.manager} ${p.action} ${p.packages.map((x) => x.name).join(',')}`;
    };
    assert.equal(read('aptitude install -y vim'), 'apt install vim');
    assert.equal(read('apk --root /r add --virtual .deps gcc musl-dev'), 'apk add gcc,musl-dev');
    assert.equal(read('microdnf --setopt=x=1 -c /etc/d.conf install -y git'), 'rpm install git');
    assert.equal(read('zypper -n in curl'), 'zypper install curl');
    // dnf/yum command aliases.
    assert.equal(read('dnf -y in git'), 'rpm install git');
    assert.equal(read('yum localinstall a.rpm'), 'rpm install a.rpm');
    assert.equal(read('yum update'), 'rpm upgrade ');
    assert.equal(read('dnf up git'), 'rpm upgrade git');
    assert.equal(read('microdnf erase git'), 'rpm remove git');
    assert.equal(read('zypper si curl'), 'zypper source-install curl');
    assert.equal(read('python3 -m pip --cache-dir /c install flask'), 'pip install flask');
    assert.equal(read('pip3.12 install -r req.txt'), 'pip install ');
    assert.equal(read('npm i -g typescript@5.4'), 'npm install typescript');
    assert.equal(read('go install golang.org/x/tools/gopls@v0.15.0'), 'go install golang.org/x/tools/gopls');
    assert.equal(read('gem install rails:7.1'), 'gem install rails');
    assert.equal(read('curl -fsSL x'), undefined);
    assert.equal(read('apt-get'), undefined);
  });

  it('splits version pins the way each manager writes them', () => {
    assert.deepEqual(parsePackage('apt', 'curl=7.88.1-10'), { name: 'curl', version: '7.88.1-10' });
    assert.deepEqual(parsePackage('apt', 'curl/bookworm-backports'), { name: 'curl', version: undefined });
    assert.deepEqual(parsePackage('apk', 'curl~8.5'), { name: 'curl', version: '8.5' });
    assert.deepEqual(parsePackage('apk', 'curl>=8.5'), { name: 'curl', version: '8.5' });
    assert.deepEqual(parsePackage('pip', 'flask==3.0.2'), { name: 'flask', version: '3.0.2' });
    assert.deepEqual(parsePackage('pip', 'uvicorn[standard]>=0.29'), { name: 'uvicorn[standard]', version: '0.29' });
    assert.deepEqual(parsePackage('npm', '@types/node@20'), { name: '@types/node', version: '20' });
    assert.deepEqual(parsePackage('npm', '@types/node'), { name: '@types/node' });
    assert.deepEqual(parsePackage('go', 'example.com/cmd@latest'), { name: 'example.com/cmd', version: 'latest' });
    assert.deepEqual(parsePackage('rpm', 'git-2.39'), { name: 'git-2.39' });
  });

  it('knows when a command does not prompt and when it keeps no cache', () => {
    const yes = (s: string) => packageCommand(cmd(s))?.yes;
    assert.equal(yes('apt-get install curl'), false);
    for (const s of ['apt-get install -y curl', 'apt-get --assume-yes install curl', 'apt-get -qq install curl', 'apt-get -q -q install curl', 'apt-get --quiet=2 install curl']) assert.equal(yes(s), true, s);
    assert.equal(yes('apt-get -q install curl'), false);
    assert.equal(yes('dnf install git'), false);
    assert.equal(yes('dnf install -y git'), true);
    assert.equal(yes('zypper --non-interactive install git'), true);
    // apt-get: quiet level 2 in any spelling implies -y; aptitude's -q does not.
    for (const s of ['apt-get -q=2 install curl', 'apt-get --quiet --quiet install curl', 'apt-get -q --quiet install curl', 'apt-get -qqy install curl', 'apt-get -q=3 install curl']) assert.equal(yes(s), true, s);
    for (const s of ['apt-get --quiet=1 install curl', 'apt-get -q install -o q curl', 'aptitude -qq install vim']) assert.equal(yes(s), false, s);
    // zypper: -n is non-interactive only before the command (after `install` it is --name).
    assert.equal(yes('zypper -n in git'), true);
    assert.equal(yes('zypper install -n git'), false);
    assert.equal(yes('zypper install -y git'), true);
    assert.equal(packageCommand(cmd('apk add --no-cache curl'))?.noCache, true);
    assert.equal(packageCommand(cmd('pip install --no-cache-dir x'))?.noCache, true);
    assert.equal(packageCommand(cmd('pip install x'))?.noCache, false);
  });

  it('finds the commands that would stop at a prompt, `group install` as groupinstall', () => {
    const found = (script: string) =>
      promptingCommands(cmds(script).map((c) => ({ cmd: c })), ['dnf', 'yum'], RPM_PROMPTING_ACTIONS).map((p) => `${p.cmd.program} ${p.action.value}`);
    assert.deepEqual(found('dnf group install x; yum groupinstall y; dnf -y in z; dnf group list; yum in w'), ['dnf install', 'yum groupinstall', 'yum in']);
    assert.equal(aptQuietLevel(cmd('apt-get -qq -q install x')), 3);
  });

  it('answers for one command object the same whichever environment was asked about first', () => {
    // packageCommand keeps its answer per command object (an unchanged RUN keeps its commands between analyses);
    // an environment passed in must change only what is read from it, and never the kept answer.
    const text = 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1 DEBIAN_FRONTEND=noninteractive\nRUN pip install x==1 && apt-get install -y curl\n';
    for (const envFirst of [true, false]) {
      const run = buildModel(text).runs[0];
      const [pip, apt] = runCommands(run);
      const inEnv = (c: ShellCommand) => packageCommand(c, commandEnv(run, c));
      const ask = () => ({ own: [packageCommand(pip), packageCommand(apt)], env: [inEnv(pip), inEnv(apt)] });
      const first = envFirst ? { env: [inEnv(pip), inEnv(apt)], own: [packageCommand(pip), packageCommand(apt)] } : ask();
      const again = ask();
      for (const r of [first, again]) {
        assert.deepEqual(r.own.map((p) => [p?.noCache, p?.noninteractive]), [[false, false], [false, false]]);
        assert.deepEqual(r.env.map((p) => [p?.noCache, p?.noninteractive]), [[true, false], [false, true]]);
        assert.deepEqual(r.env.map((p) => p?.packages.map((a) => `${a.name}@${a.version}`)), [['x@1'], ['curl@undefined']]);
      }
      // Asked again without an environment: the very answer kept for the command.
      assert.equal(packageCommand(pip), first.own[0]);
    }
  });

  it('reads PIP_NO_CACHE_DIR and DEBIAN_FRONTEND on the command or from ENV/ARG', () => {
    /** packageCommand of the last command of the first RUN of `text`, in its environment. */
    const inRun = (text: string) => {
      const run = buildModel(text).runs[0];
      const last = runCommands(run).at(-1)!;
      return packageCommand(last, commandEnv(run, last));
    };
    assert.equal(packageCommand(cmd('PIP_NO_CACHE_DIR=1 pip install x'))?.noCache, true);
    // pip disables the cache for any valid value, "off" and "0" too.
    assert.equal(packageCommand(cmd('PIP_NO_CACHE_DIR=off pip install x'))?.noCache, true);
    assert.equal(packageCommand(cmd('PIP_NO_CACHE_DIR= pip install x'))?.noCache, false);
    assert.equal(inRun('FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x\n')?.noCache, true);
    assert.equal(packageCommand(buildModel('FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x\n').runs[0].script.commands[0])?.noCache, false);
    assert.equal(inRun('FROM python:3.12\nRUN pip install x\nENV PIP_NO_CACHE_DIR=1\n')?.noCache, false);
    // `export` earlier in the same RUN, read from the document text.
    const exported = (text: string) => {
      const run = buildModel(text).runs[0];
      const last = runCommands(run).at(-1)!;
      return packageCommand(last, commandEnv(run, last, text))?.noCache;
    };
    assert.equal(exported('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1; pip install x\n'), true);
    assert.equal(exported('FROM python:3.12\nRUN export -n X PIP_NO_CACHE_DIR="off" && pip install x\n'), true);
    assert.equal(exported('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && export PIP_NO_CACHE_DIR= && pip install x\n'), false);
    assert.equal(exported('FROM python:3.12\nRUN echo export && pip install x\n'), false);
    assert.equal(exported('FROM python:3.12\nRUN ["pip", "install", "x"]\n'), false);
    assert.equal(packageCommand(cmd('DEBIAN_FRONTEND=noninteractive apt-get install -y curl'))?.noninteractive, true);
    assert.equal(packageCommand(cmd('apt-get install -y curl'))?.noninteractive, false);
    assert.equal(inRun('FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get install -y curl\n')?.noninteractive, true);
    assert.equal(inRun('FROM debian:12\nRUN ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "curl"]\n')?.noninteractive, true);
    assert.equal(inRun('FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\nRUN DEBIAN_FRONTEND=dialog apt-get install -y curl\n')?.noninteractive, false);
  });

  it('peels exec-form assignments and finds apk add and pip install', () => {
    const [c] = runCommands(buildModel('FROM debian:12\nRUN ["DEBIAN_FRONTEND=noninteractive", "/usr/bin/apt-get", "install", "-y", "curl"]\n').runs[0]);
    assert.equal(c.program, 'apt-get');
    assert.deepEqual(c.assignments.map((a) => a.value), ['DEBIAN_FRONTEND=noninteractive']);
    assert.equal(apkAdd(cmd('apk -X https://r add curl'))?.value, 'add');
    assert.equal(pipInstall(cmd('python -m pip install x'))?.value, 'install');
    assert.equal(pipInstall(cmd('python -m venv x')), undefined);
  });

  it('one subcommandAt and positionals', () => {
    const c = cmd('git -c a=b clone -- https://x/repo.git dir');
    assert.equal(subcommandAt(c, ['-c'])?.word.value, 'clone');
    assert.deepEqual(positionals(c, ['-c']).map((w) => w.value), ['clone', 'https://x/repo.git', 'dir']);
  });

  it('one basename; a download keeps the URL path file name', () => {
    assert.equal(basename('/usr/bin/apt-get'), 'apt-get');
    assert.equal(basename('/opt/app/'), 'app');
    assert.equal(urlFileName('https://x/a/b.tar.gz?sig=1'), 'b.tar.gz');
    assert.equal(urlFileName('https://x/a/'), '');
  });
});
