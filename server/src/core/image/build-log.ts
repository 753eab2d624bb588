// Reading a failed image build's log (docker with BuildKit or the legacy builder, podman, buildah): what kind of
// failure it was and which Dockerfile instruction failed, so the failure can be shown on that line. Pure: the
// engine module (tools/image-engine.ts) runs the build and hands the log here.
import { parseDockerfile } from '../dockerfile/parse';

/** The failure kinds a build log tells apart (the engine adds engine-missing, cancelled and timeout). */
export type BuildLogFailure = 'daemon-not-running' | 'permission-denied' | 'base-image-not-found' | 'run-failed' | 'failed';

const DAEMON = /Cannot connect to the Docker daemon|Is the docker daemon running|Cannot connect to Podman|error during connect/i;
const PERMISSION = /permission denied while trying to connect|Got permission denied|connect: permission denied/i;
const BASE_IMAGE =
  /creating build container: (?:initializing source|[^\n]*(?:manifest unknown|not found|name unknown))|failed to resolve source metadata|pull access denied|repository does not exist|manifest unknown|no such image|image not known/i;
const RUN_FAILED = /building at STEP "RUN|while running runtime: exit status|did not complete successfully: exit code|returned a non-zero code/i;

/** The kind of failure a build log shows. */
export function classifyBuildLog(log: string): BuildLogFailure {
  if (PERMISSION.test(log)) return 'permission-denied';
  if (DAEMON.test(log)) return 'daemon-not-running';
  if (RUN_FAILED.test(log)) return 'run-failed';
  if (BASE_IMAGE.test(log)) return 'base-image-not-found';
  return 'failed';
}

/** The last `count` non-empty lines of a log. */
export function logTail(log: string, count = 20): string {
  return log.split(/\r?\n/).filter((l) => l.trim()).slice(-count).join('\n');
}

interface InstructionLine {
  keyword: string;
  line: number;
  args: string;
}

/** Instructions of each stage (FROM first); global ARGs before the first FROM are not build steps. */
function stagesOf(text: string): InstructionLine[][] {
  const stages: InstructionLine[][] = [];
  for (const ins of parseDockerfile(text).getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase();
    if (keyword === 'FROM') stages.push([]);
    if (!stages.length) continue;
    stages[stages.length - 1].push({ keyword, line: ins.getRange().start.line, args: ins.getRawArgumentsContent() ?? '' });
  }
  return stages;
}

/**
 * The 0-based line of the instruction the build stopped at: BuildKit's `Dockerfile:N`, podman/buildah's last
 * `[stage/stages] STEP k/n:`, the legacy builder's last `Step k/n :` (counted over all stages); for a base image
 * that was not found, the FROM naming it.
 */
export function failingLine(log: string, dockerfileText: string): number | undefined {
  const buildkit = [...log.matchAll(/^\s*Dockerfile:(\d+)\s*$/gm)].pop();
  if (buildkit) return Number(buildkit[1]) - 1;
  const stages = stagesOf(dockerfileText);
  const podmanStep = [...log.matchAll(/^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/\d+: /gm)].pop();
  if (podmanStep) {
    const stage = stages[Number(podmanStep[1] ?? 1) - 1];
    const found = stage?.[Number(podmanStep[2]) - 1]?.line;
    if (found !== undefined) return found;
  }
  const legacyStep = [...log.matchAll(/^Step (\d+)\/\d+ : /gm)].pop();
  if (legacyStep) {
    const found = stages.flat()[Number(legacyStep[1]) - 1]?.line;
    if (found !== undefined) return found;
  }
  const from = stages.map((s) => s[0]).find((f) => f && imageOf(f.args) && log.includes(imageOf(f.args)!));
  return from?.line;
}

function imageOf(fromArgs: string): string | undefined {
  return fromArgs.split(/\s+/).find((w) => w && !w.startsWith('--'));
}
