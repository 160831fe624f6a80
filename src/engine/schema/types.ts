// The shape of the API schema data that `kubectl explain` prints and the editor's completion
// and hover docs read: one TypeSchema per API type, fields referring to other types by name.

export interface FieldSchema {
  /**
   * The type as explain prints it between `<` and `>`: `string`, `integer`, `boolean`,
   * `Object`, `IntOrString`, `[]ServicePort`, `map[string]string` …
   */
  type: string;
  /** The TypeSchema describing this field's value (or list items / map values), if it is an object. */
  ref?: string;
  description: string;
  required?: boolean;
  enum?: string[];
  /**
   * OpenAPI's format where the request decoder needs it: `int64` integers (int32 when absent),
   * `date-time` strings (metav1.Time, decoded by its own UnmarshalJSON).
   */
  format?: 'int64' | 'date-time';
}

export interface TypeSchema {
  /** Short type name as OpenAPI names it (last segment of `io.k8s.api.core.v1.ServiceSpec`). */
  name: string;
  description: string;
  fields: Record<string, FieldSchema>;
}

/** A top-level kind: its group/version and the TypeSchema of the object. */
export interface KindSchema {
  kind: string;
  group: string;
  version: string;
  type: string;
}
