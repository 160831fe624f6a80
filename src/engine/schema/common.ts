// Field helpers and the types every kind shares (ObjectMeta, LabelSelector …).
// Descriptions from the v1.32 OpenAPI spec (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go).
import type { FieldSchema, TypeSchema } from './types';

export const str = (description: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'string', description, ...extra });
export const int = (description: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: 'integer', description, ...extra });
export const bool = (description: string): FieldSchema => ({ type: 'boolean', description });
export const int64 = (description: string): FieldSchema => ({ type: 'integer', description, format: 'int64' });
export const time = (description: string): FieldSchema => ({ type: 'string', description, format: 'date-time' });
export const obj = (ref: string, description: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: ref, ref, description, ...extra });
export const list = (ref: string, description: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type: `[]${ref}`, ref, description, ...extra });
export const strings = (description: string): FieldSchema => ({ type: '[]string', description });
export const stringMap = (description: string): FieldSchema => ({ type: 'map[string]string', description });
/** A v1.ResourceList: resource.Quantity values, which decode from JSON strings and numbers alike. */
export const quantities = (description: string): FieldSchema => ({ type: 'map[string]Quantity', description });

const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

const apiVersionField = str(`APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${API_CONVENTIONS}#resources`);
const kindField = str(`Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${API_CONVENTIONS}#types-kinds`);
export const metadataField = obj('ObjectMeta', `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata`);
export const specDoc = (what: string) => `${what} More info: ${API_CONVENTIONS}#spec-and-status`;

/** A kind's own type: apiVersion, kind and metadata, then its fields (spec, status …). */
export const topLevel = (name: string, description: string, fields: TypeSchema['fields']): TypeSchema => ({
  name,
  description,
  fields: { apiVersion: apiVersionField, kind: kindField, metadata: metadataField, ...fields },
});

export const ObjectMeta: TypeSchema = {
  name: 'ObjectMeta',
  description: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  fields: {
    annotations: stringMap('Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations'),
    creationTimestamp: time(`CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: ${API_CONVENTIONS}#metadata`),
    deletionTimestamp: time('DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client.'),
    deletionGracePeriodSeconds: int64('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.'),
    finalizers: strings('Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.'),
    generateName: str('GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.'),
    generation: int64('A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
    labels: stringMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels'),
    name: str('Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'),
    namespace: str('Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces'),
    ownerReferences: list('OwnerReference', 'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.'),
    resourceVersion: str('An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.'),
    uid: str('UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.'),
  },
};

export const OwnerReference: TypeSchema = {
  name: 'OwnerReference',
  description: 'OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.',
  fields: {
    apiVersion: str('API version of the referent.', { required: true }),
    blockOwnerDeletion: bool('If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.'),
    controller: bool('If true, this reference points to the managing controller.'),
    kind: str('Kind of the referent.', { required: true }),
    name: str('Name of the referent.', { required: true }),
    uid: str('UID of the referent.', { required: true }),
  },
};

export const LabelSelector: TypeSchema = {
  name: 'LabelSelector',
  description: 'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.',
  fields: {
    matchExpressions: list('LabelSelectorRequirement', 'matchExpressions is a list of label selector requirements. The requirements are ANDed.'),
    matchLabels: stringMap('matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.'),
  },
};

export const LabelSelectorRequirement: TypeSchema = {
  name: 'LabelSelectorRequirement',
  description: 'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
  fields: {
    key: str('key is the label key that the selector applies to.', { required: true }),
    operator: str("operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.", { required: true }),
    values: strings('values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.'),
  },
};
