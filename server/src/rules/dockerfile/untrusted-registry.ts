import type { DockerfileRule } from '../../core/rule';

/** Registries as hadolint compares them: Docker Hub has several names, and `*` matches any run of characters. */
function registryOf(registry: string | undefined): string {
  return !registry || registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? 'docker.io' : registry.toLowerCase();
}

function trusted(registry: string, patterns: string[]): boolean {
  return patterns.some((p) => {
    const re = new RegExp(`^${p.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return re.test(registry) || (registry === 'docker.io' && ['hub.docker.com', 'index.docker.io'].includes(p.toLowerCase()));
  });
}

export const untrustedRegistry: DockerfileRule = {
  id: 'untrusted-registry',
  aliases: ['DL3026'],
  severity: 'error',
  category: 'security',
  scope: 'instruction',
  docs: {
    summary: 'FROM pulls from a registry that `trustedRegistries:` does not list.',
    why: 'Teams that only allow images from their own mirror or a vetted registry list them under `trustedRegistries:` (hadolint\'s key; `allowedRegistries:` works too) in `.stevedore.yaml` or `.hadolint.yaml`. An image from anywhere else bypasses that review: its provenance, scanning and availability are unknown. Images without a registry come from Docker Hub (`docker.io`). Without the setting the rule says nothing.',
    bad: 'FROM ghcr.io/acme/base:1.4',
    good: 'FROM registry.example.com/acme/base:1.4',
    config: 'trustedRegistries:\n  - registry.example.com\n  - "*.gcr.io"\n',
  },
  check({ model, settings }) {
    const patterns = settings?.trustedRegistries;
    if (!patterns?.length) return [];
    return model.stages.flatMap((stage) => {
      const image = stage.image;
      // Stages built FROM another stage, scratch, and references a variable leaves unknown are not pulls we can judge.
      if (!image || stage.parent || image.unresolved || image.resolved.toLowerCase() === 'scratch') return [];
      const registry = registryOf(image.registry);
      if (trusted(registry, patterns)) return [];
      return [{ message: `Image from the untrusted registry ${registry}; trusted: ${patterns.join(', ')}`, range: image.range }];
    });
  },
};
