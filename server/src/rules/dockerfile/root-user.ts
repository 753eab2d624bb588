import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../core/dockerfile/model';
import { modelOf } from '../../core/dockerfile/edits';
import type { DockerfileRule } from '../../core/rule';
import type { Range, TextEdit } from '../../core/types';
import { imageFamily, rootImage, runsAsNonRoot } from '../../core/dockerfile/image-family';
import { isRootUser, lastUser, userName } from '../../core/dockerfile/users';

interface RootFinding {
  final: Stage;
  /** The last USER when it names root; undefined when no USER is set at all. */
  user?: Instruction;
  range: Range;
}

/** Whether the final image runs as root, and where to point. */
function findRoot(model: DockerfileModel): RootFinding | undefined {
  const final = model.stages[model.stages.length - 1];
  if (!final) return undefined;
  const user = lastUser(final);
  if (user) {
    const name = userName(user);
    const range = user.getArgumentsRange();
    return name !== undefined && isRootUser(name) && range ? { final, user, range } : undefined;
  }
  const image = rootImage(final);
  if (!image || image.unresolved || runsAsNonRoot(image)) return undefined;
  const family = imageFamily(image);
  if (family === 'scratch' || family === 'windows') return undefined;
  return { final, range: final.from.getImageRange() ?? final.from.getRange() };
}

/** The user to switch to and the RUN that creates it (when the image does not ship one). */
function userPlan(final: Stage): { name: string; create?: string } | undefined {
  // A non-root user the Dockerfile already switched to earlier is known to exist.
  for (let s: Stage | undefined = final; s; s = s.parent) {
    for (const ins of [...s.instructions].reverse()) {
      const name = ins.getKeyword() === 'USER' ? userName(ins) : undefined;
      if (name && !isRootUser(name)) return { name };
    }
  }
  const image = rootImage(final);
  if (image?.name === 'node') return { name: 'node' };
  switch (imageFamily(image)) {
    case 'debian':
      return { name: 'app', create: 'RUN groupadd --system app && useradd --system --gid app --no-create-home app' };
    case 'alpine':
    case 'busybox':
      return { name: 'app', create: 'RUN addgroup -S app && adduser -S -G app app' };
    case 'shell-less':
      return { name: image?.tag?.includes('chiseled') ? 'app' : 'nonroot' };
    default:
      return undefined;
  }
}

export const rootUser: DockerfileRule = {
  id: 'root-user',
  aliases: ['DL3002'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'The final image runs as root (last USER is root, or no USER at all).',
    why: 'A process running as root inside the container is root on the host too if it escapes (kernel or runtime bug, mounted docker socket), and it can modify everything in the image. Create or pick an unprivileged user and switch to it with `USER` before `CMD`.',
    bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    good: 'FROM python:3.12-slim\nCOPY . /app\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\nUSER app\nCMD ["python", "/app/main.py"]',
  },
  check({ model }) {
    const found = findRoot(model);
    if (!found) return [];
    const message = found.user
      ? `\`USER ${found.user.getArguments()[0]?.getValue()}\` is the last USER of the final image, so the container runs as root; switch to a non-root user`
      : 'The final image sets no USER, so the container runs as root; add a non-root USER';
    return [{ message, range: found.range, data: { line: found.range.start.line } }];
  },
  fixes: [
    {
      id: 'add-user',
      title: () => 'Run as a non-root user',
      // Files copied as root may not be readable or writable by the new user.
      safe: false,
      apply(input, finding) {
        const model = modelOf(input);
        const found = findRoot(model);
        if (!found || found.range.start.line !== finding.data?.line) return null;
        const plan = userPlan(found.final);
        if (!plan) return null;
        const { eol } = model;
        const create = plan.create ? plan.create + eol : '';
        const own = found.final.instructions;
        const userAt = found.user ? own.indexOf(found.user) : -1;
        // Replace `USER root` in place unless RUNs after it still need root.
        if (found.user && userAt >= 0 && !own.slice(userAt + 1).some((i) => i.getKeyword() === 'RUN')) {
          const line = { line: found.user.getRange().start.line, character: 0 };
          const edits: TextEdit[] = [{ range: found.range, newText: plan.name }];
          if (create) edits.push({ range: { start: line, end: line }, newText: create });
          return { edits };
        }
        const start = own.slice(userAt + 1).find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
        const text = `${create}USER ${plan.name}${eol}`;
        if (start) {
          const at = { line: start.getRange().start.line, character: 0 };
          return { edits: [{ range: { start: at, end: at }, newText: text }] };
        }
        const end = model.positionAt(input.text.length);
        const lead = input.text.length && !input.text.endsWith('\n') ? eol : '';
        return { edits: [{ range: { start: end, end }, newText: lead + text }] };
      },
    },
  ],
};
