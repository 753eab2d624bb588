import type { DockerfileRule } from '../../core/rule';
import { modelOf, multiStageOf } from '../../core/dockerfile/edits';
import { ECOSYSTEM_LABEL, MULTI_STAGE_TITLE, findToolchain, type ToolchainHit } from '../../core/dockerfile/multistage';

const DEV_IMAGE = /(?:^|[/\\])\.devcontainer[/\\]|(?:^|[/\\.-])(?:dev|development|devcontainer|test|ci)(?:[.-][^/\\]*)?$/i;

const ADVICE = 'build in a `build` stage and copy only the artifacts into a slim runtime image';

function message(hit: ToolchainHit): string {
  const label = ECOSYSTEM_LABEL[hit.ecosystem];
  switch (hit.kind) {
    case 'image':
      return `\`${hit.what}\` is a ${label} toolchain image and this is the only stage, so the compiler ships in the final image; ${ADVICE}`;
    case 'package':
      return `\`${hit.what}\` installs a build toolchain in the only stage, so it ships in the final image; ${ADVICE}`;
    default:
      return `\`${hit.what}\` builds in the only stage, so the ${label} toolchain and sources ship in the final image; ${ADVICE}`;
  }
}

export const buildToolsInFinalStage: DockerfileRule = {
  id: 'build-tools-in-final-stage',
  aliases: [],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: 'A single-stage build whose image keeps the compilers, `-dev` packages or toolchain base image it builds with.',
    why: 'Compilers, headers and SDKs are only needed to build: shipped in the final image they add hundreds of MB (`golang` is ~800 MB, the static binary it builds ~10 MB) and give attackers tools to work with. A multi-stage build compiles in a builder stage and copies only the artifacts into a slim runtime image.',
    bad: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD ["/bin/app"]',
    good: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /bin/app /app/app\nCMD ["/app/app"]',
  },
  check({ model, path }) {
    // Multi-stage files already separate build and runtime; dev containers and dev/test images want the toolchain.
    if (model.stages.length !== 1 || (path && DEV_IMAGE.test(path))) return [];
    const hit = findToolchain(model);
    if (!hit) return [];
    return [{ message: message(hit), range: hit.range, data: { ecosystem: hit.ecosystem, kind: hit.kind, what: hit.what } }];
  },
  fixes: [
    {
      id: 'convert-multistage',
      title: () => MULTI_STAGE_TITLE,
      kind: 'refactor.rewrite',
      safe: false,
      apply(input) {
        const converted = multiStageOf(modelOf(input), input.context);
        if (converted === null) return null;
        // The one whole-document rewrite: every line moves between the two new stages.
        const lines = input.text.split(/\r\n|\n/);
        const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
        return { edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: converted }] };
      },
    },
  ],
};
