// BuildKit's FromPlatformFlagConstDisallowed (hadolint DL3029): `FROM --platform=linux/amd64`, a constant platform,
// except in a stage whose name says which platform it is for (`build_amd64`).
import type { DockerfileRule } from '../../core/rule';

// Architecture spellings and the name containerd normalises them to (what BuildKit compares with the stage name).
const ARCH: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386', i686: '386' };
const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'android', 'ios', 'js', 'wasip1', 'plan9', 'aix', 'dragonfly']);
const PLATFORM = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){0,2}$/;

/** OS and architecture of a constant platform (`linux/amd64`, `arm64`), or undefined when it does not parse. */
function platformOf(value: string): { os: string; arch: string } | undefined {
  if (!PLATFORM.test(value)) return undefined;
  const parts = value.toLowerCase().split('/');
  if (parts.length === 1) return OSES.has(parts[0]) ? { os: parts[0], arch: 'amd64' } : { os: 'linux', arch: ARCH[parts[0]] ?? parts[0] };
  return { os: parts[0], arch: ARCH[parts[1]] ?? parts[1] };
}

export const fromPlatformConstant: DockerfileRule = {
  id: 'from-platform-constant',
  aliases: ['FromPlatformFlagConstDisallowed', 'DL3029'],
  severity: 'warning',
  category: 'correctness',
  scope: 'instruction',
  docs: {
    summary: '`FROM --platform=` with a constant platform such as `linux/amd64`.',
    why: 'A fixed platform ties the stage to one architecture: a multi-platform build (`--platform linux/amd64,linux/arm64`) then ships amd64 binaries in the arm64 image, or runs them under emulation. Pass the platform on the command line, use `$BUILDPLATFORM` for stages that cross-compile, or name the stage after its platform (`build_amd64`) when it is platform-specific on purpose.',
    bad: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git',
    good: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS base\nRUN apk add --no-cache git',
  },
  check({ model }) {
    return model.stages.flatMap((stage) => {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || !value || value.includes('$')) return [];
      const platform = platformOf(value);
      if (!platform) return [];
      const name = stage.name ?? '';
      if (name.includes(platform.os) || name.includes(platform.arch)) return [];
      return [{ message: `\`--platform=${value}\` pins this stage to one platform; use \`$BUILDPLATFORM\`, pass \`--platform\` to the build, or name the stage after the platform`, range: flag.getRange() }];
    });
  },
};
