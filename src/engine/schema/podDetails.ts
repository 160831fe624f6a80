// Pod, node and StatefulSet types that explain lists and the engine reads: scheduling
// (tolerations, taints, readiness gates), resources, gRPC probes and StatefulSet updates.
// Descriptions from the v1.32 OpenAPI spec (staging/src/k8s.io/api/{core,apps}/v1/types.go).
import { int, int64, obj, quantities, str, time } from './common';
import type { TypeSchema } from './types';

export const Toleration: TypeSchema = {
  name: 'Toleration',
  description: 'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
  fields: {
    effect: str('Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.', { enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }),
    key: str('Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.'),
    operator: str("Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.", { enum: ['Equal', 'Exists'] }),
    tolerationSeconds: int64('TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system.'),
    value: str('Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.'),
  },
};

export const Taint: TypeSchema = {
  name: 'Taint',
  description: 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
  fields: {
    effect: str('Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.', { required: true, enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }),
    key: str('Required. The taint key to be applied to a node.', { required: true }),
    timeAdded: time('TimeAdded represents the time at which the taint was added.'),
    value: str('The taint value corresponding to the taint key.'),
  },
};

export const PodReadinessGate: TypeSchema = {
  name: 'PodReadinessGate',
  description: 'PodReadinessGate contains the reference to a pod condition',
  fields: { conditionType: str("ConditionType refers to a condition in the pod's condition list with matching type.", { required: true }) },
};

export const PodSecurityContext: TypeSchema = {
  name: 'PodSecurityContext',
  description: 'PodSecurityContext holds pod-level security attributes and common container settings. Some fields are also present in container.securityContext.  Field values of container.securityContext take precedence over field values of PodSecurityContext.',
  fields: {
    runAsGroup: int64('The GID to run the entrypoint of the container process. Uses runtime default if unset.'),
    runAsNonRoot: { type: 'boolean', description: 'Indicates that the container must run as a non-root user.' },
    runAsUser: int64('The UID to run the entrypoint of the container process. Defaults to user specified in image metadata if unspecified.'),
  },
};

export const ResourceRequirements: TypeSchema = {
  name: 'ResourceRequirements',
  description: 'ResourceRequirements describes the compute resource requirements.',
  fields: {
    limits: quantities('Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
    requests: quantities('Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
  },
};

export const GRPCAction: TypeSchema = {
  name: 'GRPCAction',
  description: 'GRPCAction specifies an action involving a GRPC service.',
  fields: {
    port: int('Port number of the gRPC service. Number must be in the range 1 to 65535.', { required: true }),
    service: str('Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC.'),
  },
};

export const StatefulSetUpdateStrategy: TypeSchema = {
  name: 'StatefulSetUpdateStrategy',
  description: 'StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.',
  fields: {
    rollingUpdate: obj('RollingUpdateStatefulSetStrategy', 'RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.'),
    type: str('Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.', { enum: ['OnDelete', 'RollingUpdate'] }),
  },
};

export const RollingUpdateStatefulSetStrategy: TypeSchema = {
  name: 'RollingUpdateStatefulSetStrategy',
  description: 'RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.',
  fields: {
    maxUnavailable: { type: 'IntOrString', description: 'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1.' },
    partition: int('Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. The default value is 0.'),
  },
};

export const StatefulSetPersistentVolumeClaimRetentionPolicy: TypeSchema = {
  name: 'StatefulSetPersistentVolumeClaimRetentionPolicy',
  description: 'StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.',
  fields: {
    whenDeleted: str('WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion.'),
    whenScaled: str('WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown.'),
  },
};
