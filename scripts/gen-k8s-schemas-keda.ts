// Hand-written KEDA keda.sh/v1alpha1 definitions for gen-k8s-schemas.ts: KEDA publishes CRDs, not an npm package of types.
// Written from the KEDA 2.x documentation; provider-specific blocks whose fields change between releases stay open.
type Schema = Record<string, unknown>;
const REF = '#/definitions/';
const K = 'keda.v1alpha1.';

const str = (description: string, values?: string[]): Schema => ({ type: 'string', ...(values ? { enum: values } : {}), description });
const int = (description: string): Schema => ({ type: 'integer', description });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const ref = (name: string, description: string): Schema => ({ $ref: REF + name, description });
const list = (name: string, description: string): Schema => ({ type: 'array', items: { $ref: REF + name }, description });
const open = (description: string): Schema => ({ type: 'object', description });
function obj(description: string, properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false, description };
}

function root(kind: string, spec: string, description: string, specRequired: boolean): Schema {
  return obj(
    description,
    {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.', ['keda.sh/v1alpha1']),
      kind: str('Kind is a string value representing the REST resource this object represents.', [kind]),
      metadata: ref('meta.v1.ObjectMeta', "Standard object's metadata."),
      spec: ref(K + spec, `Desired state of the ${kind}.`),
      status: open(`Most recently observed status of the ${kind}, written by the KEDA operator. Read-only.`),
    },
    ['apiVersion', 'kind', ...(specRequired ? ['spec'] : [])],
  );
}

const secretLike = (what: string) =>
  obj(`Sets a trigger parameter from a key of a ${what}.`, {
    parameter: str('Name of the trigger metadata parameter to set.'),
    name: str(`Name of the ${what} in the namespace of the trigger authentication.`),
    key: str(`Key within the ${what} whose value is used.`),
  }, ['parameter', 'name', 'key']);

const authSpec = obj(
  'Authentication parameters that triggers reference through authenticationRef.',
  {
    podIdentity: open('Authenticates with the identity of the KEDA operator pod or of the workload: provider (none, azure-workload, aws, aws-eks, gcp), identityId, identityTenantId, identityAuthorityHost, roleArn, identityOwner (keda or workload).'),
    secretTargetRef: list(K + 'AuthSecretTargetRef', 'Trigger parameters read from Secrets.'),
    configMapTargetRef: list(K + 'AuthConfigMapTargetRef', 'Trigger parameters read from ConfigMaps.'),
    env: list(K + 'AuthEnvironment', 'Trigger parameters read from environment variables of the scale target.'),
    boundServiceAccountToken: list(K + 'BoundServiceAccountToken', 'Trigger parameters set to a token of a ServiceAccount.'),
    hashiCorpVault: open('Trigger parameters read from HashiCorp Vault: address, authentication, role, mount, credential, namespace, secrets[].'),
    azureKeyVault: open('Trigger parameters read from Azure Key Vault: vaultUri, credentials, podIdentity, cloud, secrets[].'),
    awsSecretManager: open('Trigger parameters read from AWS Secrets Manager: region, credentials, podIdentity, secrets[].'),
    gcpSecretManager: open('Trigger parameters read from GCP Secret Manager: credentials, podIdentity, secrets[].'),
  },
);

export const kedaDefinitions: Record<string, Schema> = {
  [K + 'ScaledObject']: root('ScaledObject', 'ScaledObjectSpec', 'ScaledObject scales a Deployment, StatefulSet or any resource with a /scale subresource on event sources, through a HorizontalPodAutoscaler that KEDA manages.', true),
  [K + 'ScaledObjectSpec']: obj(
    'ScaledObjectSpec is the desired state of a ScaledObject.',
    {
      scaleTargetRef: ref(K + 'ScaleTarget', 'The workload to scale, in the namespace of the ScaledObject.'),
      pollingInterval: int('Seconds between checks of each trigger. Defaults to 30.'),
      cooldownPeriod: int('Seconds to wait after the last trigger was active before scaling the target to 0; applies only to scaling to and from zero. Defaults to 300.'),
      initialCooldownPeriod: int('Seconds after the ScaledObject is created before the cooldown period may begin. Defaults to 0.'),
      idleReplicaCount: int('Replica count while no trigger is active; must be lower than minReplicaCount. Only 0 is supported.'),
      minReplicaCount: int('Minimum replica count KEDA scales the target to. Defaults to 0.'),
      maxReplicaCount: int('Maximum replica count KEDA scales the target to; passed on to the HPA. Defaults to 100.'),
      fallback: ref(K + 'Fallback', 'Replica count to use while a scaler keeps failing.'),
      advanced: ref(K + 'AdvancedConfig', 'Settings of the HPA that KEDA creates and of composite scaling.'),
      triggers: list(K + 'ScaleTrigger', 'Event sources that drive scaling; the target is scaled on the one asking for the most replicas.'),
    },
    ['scaleTargetRef', 'triggers'],
  ),
  [K + 'ScaleTarget']: obj(
    'Reference to the resource a ScaledObject scales.',
    {
      name: str('Name of the target resource.'),
      kind: str('Kind of the target resource. Defaults to Deployment.'),
      apiVersion: str('API version of the target resource. Defaults to apps/v1.'),
      envSourceContainerName: str('Container whose environment KEDA reads for trigger parameters ending in FromEnv. Defaults to the first container.'),
    },
    ['name'],
  ),
  [K + 'Fallback']: obj(
    'Replica count used while a scaler fails to get metrics.',
    {
      failureThreshold: int('Consecutive scaler failures after which the fallback replica count is used.'),
      replicas: int('Replica count to use during the fallback.'),
      behavior: str('How the fallback replica count is applied. Defaults to static.', ['static', 'currentReplicas', 'currentReplicasIfHigher', 'currentReplicasIfLower']),
    },
    ['failureThreshold', 'replicas'],
  ),
  [K + 'AdvancedConfig']: obj('Advanced ScaledObject settings.', {
    restoreToOriginalReplicaCount: bool('Whether the target goes back to its original replica count when the ScaledObject is deleted. Defaults to false: it keeps its current count.'),
    horizontalPodAutoscalerConfig: ref(K + 'HorizontalPodAutoscalerConfig', 'Settings of the HPA that KEDA creates.'),
    scalingModifiers: ref(K + 'ScalingModifiers', 'Composes one metric from several triggers with a formula.'),
  }),
  [K + 'HorizontalPodAutoscalerConfig']: obj('Settings of the HPA that KEDA creates.', {
    name: str('Name of the HPA. Defaults to keda-hpa-<ScaledObject name>.'),
    behavior: ref('autoscaling.v2.HorizontalPodAutoscalerBehavior', 'Scale-up and scale-down behavior of the HPA, as in autoscaling/v2 HorizontalPodAutoscaler.'),
  }),
  [K + 'ScalingModifiers']: obj('Composes one metric from several triggers.', {
    formula: str('Expression over trigger names (for example "(trig_one + trig_two) / 2") that gives the composed metric.'),
    target: str('Target value of the composed metric.'),
    activationTarget: str('Value of the composed metric above which the target is scaled from zero.'),
    metricType: str('Metric type of the composed metric. Defaults to AverageValue.', ['AverageValue', 'Value']),
  }),
  [K + 'ScaleTrigger']: obj(
    'One event source of a ScaledObject.',
    {
      type: str('Scaler type, for example cpu, memory, prometheus, kafka, rabbitmq, aws-sqs-queue, cron.'),
      name: str('Name of the trigger, used in scalingModifiers formulas and the HPA metric name.'),
      metadata: { type: 'object', additionalProperties: { type: 'string' }, description: 'Scaler parameters; every value is a string, so quote numbers.' },
      authenticationRef: ref(K + 'AuthenticationRef', 'TriggerAuthentication or ClusterTriggerAuthentication that supplies secret parameters.'),
      metricType: str('Metric type the HPA uses for this trigger. Defaults to AverageValue (Utilization for cpu and memory).', ['AverageValue', 'Value', 'Utilization']),
      useCachedMetrics: bool('Whether the HPA reads the metric value cached at the last polling interval instead of querying the scaler. Defaults to false.'),
    },
    ['type', 'metadata'],
  ),
  [K + 'AuthenticationRef']: obj(
    'Reference to a TriggerAuthentication or ClusterTriggerAuthentication.',
    {
      name: str('Name of the trigger authentication.'),
      kind: str('Kind of the trigger authentication. Defaults to TriggerAuthentication.', ['TriggerAuthentication', 'ClusterTriggerAuthentication']),
    },
    ['name'],
  ),
  [K + 'TriggerAuthentication']: root('TriggerAuthentication', 'TriggerAuthenticationSpec', 'TriggerAuthentication holds authentication parameters for the triggers of ScaledObjects and ScaledJobs in its namespace.', true),
  [K + 'ClusterTriggerAuthentication']: root('ClusterTriggerAuthentication', 'TriggerAuthenticationSpec', 'ClusterTriggerAuthentication holds authentication parameters for triggers in any namespace.', true),
  [K + 'TriggerAuthenticationSpec']: authSpec,
  [K + 'AuthSecretTargetRef']: secretLike('Secret'),
  [K + 'AuthConfigMapTargetRef']: secretLike('ConfigMap'),
  [K + 'AuthEnvironment']: obj(
    'Sets a trigger parameter from an environment variable of the scale target.',
    {
      parameter: str('Name of the trigger metadata parameter to set.'),
      name: str('Name of the environment variable.'),
      containerName: str('Container to read the variable from. Defaults to the first container.'),
    },
    ['parameter', 'name'],
  ),
  [K + 'BoundServiceAccountToken']: obj(
    'Sets a trigger parameter to a token of a ServiceAccount.',
    {
      parameter: str('Name of the trigger metadata parameter to set.'),
      serviceAccountName: str('ServiceAccount whose token is used.'),
    },
    ['parameter', 'serviceAccountName'],
  ),
};

export const kedaKinds: Record<string, string> = {
  'keda.sh/v1alpha1/ScaledObject': K + 'ScaledObject',
  'keda.sh/v1alpha1/TriggerAuthentication': K + 'TriggerAuthentication',
  'keda.sh/v1alpha1/ClusterTriggerAuthentication': K + 'ClusterTriggerAuthentication',
};
