// Which build toolchain a single-stage Dockerfile ships, and which conversion template fits it.
import { perModel, type DockerfileModel, type ImageRef } from '../model';
import type { ShellCommand } from '../shell';
import type { Range } from '../../types';
import { hasToolchainPackages, packageInstalls, TOOLCHAIN_PACKAGE } from './packages';
import { allRunCommands, positionals } from '../commands';
import { pipInstall } from '../package-managers';

export type Ecosystem = 'go' | 'rust' | 'java' | 'node' | 'python' | 'c';

export const ECOSYSTEM_LABEL: Record<Ecosystem, string> = { go: 'Go', rust: 'Rust', java: 'Java', node: 'Node.js', python: 'Python', c: 'C/C++' };

const isBuildScript = (s?: string) => !!s && /^build(?::|$)/.test(s);

/** The ecosystem a build command belongs to (`go build`, `npm run build`, `mvn package` …). */
const BUILD_PROGRAMS = new Set(['go', 'cargo', 'npm', 'yarn', 'pnpm', 'mvn', 'mvnw', 'gradle', 'gradlew']);

export function buildCommandEcosystem(cmd: ShellCommand): Ecosystem | undefined {
  // Asked about every command of the file: the words are read only for the programs below.
  if (!BUILD_PROGRAMS.has(cmd.program)) return undefined;
  const pos = positionals(cmd).map((w) => w.value);
  switch (cmd.program) {
    case 'go':
      return pos[0] === 'build' ? 'go' : undefined;
    case 'cargo':
      return pos[0] === 'build' ? 'rust' : undefined;
    case 'npm':
      return (pos[0] === 'run' || pos[0] === 'run-script') && isBuildScript(pos[1]) ? 'node' : undefined;
    case 'yarn':
    case 'pnpm':
      return isBuildScript(pos[0]) || (pos[0] === 'run' && isBuildScript(pos[1])) ? 'node' : undefined;
    case 'mvn':
    case 'mvnw':
      return pos.some((p) => /^(?:package|install|verify)$/.test(p)) ? 'java' : undefined;
    case 'gradle':
    case 'gradlew':
      return pos.some((p) => /^(?:build|assemble|bootJar|jar|shadowJar|installDist)$/.test(p)) ? 'java' : undefined;
  }
  return undefined;
}

/** The ecosystem of a toolchain base image (golang, rust, maven, gradle, JDK images, gcc); node is not one. */
export function imageEcosystem(image: ImageRef | undefined): Ecosystem | undefined {
  const tag = image?.tag ?? '';
  switch (image?.name) {
    case 'golang':
      return 'go';
    case 'rust':
      return 'rust';
    case 'maven':
    case 'gradle':
      return 'java';
    case 'openjdk':
    case 'eclipse-temurin':
      return tag.includes('jre') ? undefined : 'java';
    case 'gcc':
      return 'c';
  }
  return undefined;
}

export interface ToolchainHit {
  kind: 'image' | 'package' | 'build';
  /** The image, package or command as written, e.g. `golang:1.22`, `gcc`, `go build`. */
  what: string;
  ecosystem: Ecosystem;
  range: Range;
}

/** The first build toolchain of a single-stage file: a toolchain base image, a toolchain package, or a build command. */
export function findToolchain(model: DockerfileModel): ToolchainHit | undefined {
  const stage = model.stages[0];
  const eco = detectEcosystem(model);
  const fromImage = imageEcosystem(stage?.image);
  if (stage?.image && fromImage) return { kind: 'image', what: stage.image.raw, ecosystem: eco ?? fromImage, range: stage.image.range };
  const hits: { start: number; hit: ToolchainHit }[] = [];
  const tool = packageInstalls(model).flatMap((i) => i.packages).find((p) => TOOLCHAIN_PACKAGE.test(p.name));
  if (tool) {
    const range = model.rangeOf(tool.word.start, tool.word.end);
    hits.push({ start: tool.word.start, hit: { kind: 'package', what: tool.name, ecosystem: eco ?? 'c', range } });
  }
  for (const { cmd } of allRunCommands(model)) {
    const e = buildCommandEcosystem(cmd);
    if (!e) continue;
    const pos = positionals(cmd);
    const what = [cmd.nameWord, ...pos.slice(0, /^run/.test(pos[0]?.value) ? 2 : 1)].map((w) => w.value).join(' ');
    hits.push({ start: cmd.nameWord.start, hit: { kind: 'build', what, ecosystem: eco ?? e, range: model.rangeOf(cmd.nameWord.start, cmd.nameWord.end) } });
    break;
  }
  return hits.sort((a, b) => a.start - b.start)[0]?.hit;
}

/** Which conversion template fits the (last) stage, or undefined when nothing is built in it. */
export const detectEcosystem: (model: DockerfileModel) => Ecosystem | undefined = perModel((model) => {
  const stage = model.stages[model.stages.length - 1];
  if (!stage) return undefined;
  const builds = new Set<Ecosystem>();
  for (const { cmd } of allRunCommands(model)) {
    const e = buildCommandEcosystem(cmd);
    if (e) builds.add(e);
  }
  const image = imageEcosystem(stage.image);
  for (const eco of ['go', 'rust', 'java'] as const) if (builds.has(eco) || image === eco) return eco;
  const tools = hasToolchainPackages(model);
  const name = stage.image?.name;
  if (name === 'node' && (builds.has('node') || tools)) return 'node';
  if (name === 'python' && [...allRunCommands(model)].some(({ cmd }) => !!pipInstall(cmd))) return 'python';
  return tools || image === 'c' || builds.size ? 'c' : undefined;
});
