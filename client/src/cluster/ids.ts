/** The command ids of the cluster features (each declared in package.json). */
export const CLUSTER_COMMANDS = [
  'stevedore.rolloutStatus',
  'stevedore.rolloutHistory',
  'stevedore.rolloutUndo',
  'stevedore.rolloutRestart',
  'stevedore.selectContext',
  'stevedore.selectNamespace',
  'stevedore.useAsCurrentContext',
  'stevedore.applyFile',
  'stevedore.refreshClusters',
] as const;
