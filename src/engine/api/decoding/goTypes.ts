// The Go types a request body decodes into, compiled once from the API schema
// (src/engine/schema): what JSON each field accepts and the Go type name that
// encoding/json's errors print (`[]v1.Container`, `map[string]string`, `int32`).
// The schema lists every field of every type (schema/unmodelled.ts), so a key a struct does
// not have is an unknown field (bodyCheck.ts). Fields whose types the schema does not describe
// (Volume, Affinity …) are known but only their JSON shape is checked: an object for a
// struct, a list of objects for a list of structs.

import { kindSchema, SCHEMAS, type FieldSchema } from '../../schema';

export type GoType =
  | { readonly k: 'string' | 'bool' | 'intstr' | 'time' | 'quantity'; readonly go: string }
  | { readonly k: 'int'; readonly go: 'int32' | 'int64' }
  | { readonly k: 'list' | 'map'; readonly go: string; readonly of: GoType }
  | { readonly k: 'struct'; readonly go: string; readonly name: string; readonly fields: ReadonlyMap<string, GoType> }
  /** A struct the schema does not describe: any JSON object, its keys unchecked. */
  | { readonly k: 'object'; readonly go: string }
  /** Anything at all: metav1.FieldsV1 keeps the raw JSON (its own UnmarshalJSON). */
  | { readonly k: 'any'; readonly go: string };

const STRING: GoType = { k: 'string', go: 'string' };
const BOOL: GoType = { k: 'bool', go: 'bool' };
const INT32: GoType = { k: 'int', go: 'int32' };
const INT64: GoType = { k: 'int', go: 'int64' };
// The types with their own UnmarshalJSON: intstr.IntOrString, metav1.Time, resource.Quantity.
const INT_OR_STRING: GoType = { k: 'intstr', go: 'intstr.IntOrString' };
const TIME: GoType = { k: 'time', go: 'v1.Time' };
const QUANTITY: GoType = { k: 'quantity', go: 'resource.Quantity' };
const STRING_LIST: GoType = { k: 'list', go: '[]string', of: STRING };
const STRING_MAP: GoType = { k: 'map', go: 'map[string]string', of: STRING };
const RESOURCE_LIST: GoType = { k: 'map', go: 'v1.ResourceList', of: QUANTITY };
const ANY: GoType = { k: 'any', go: 'v1.FieldsV1' };
const INT64_LIST: GoType = { k: 'list', go: '[]int64', of: INT64 };

const structs = new Map<string, GoType>();

/** The struct type of schema type `id`; every API type's Go package is named v1. */
function structType(id: string): GoType {
  let t = structs.get(id);
  if (t) return t;
  const schema = SCHEMAS[id];
  const fields = new Map<string, GoType>();
  t = { k: 'struct', go: `v1.${schema.name}`, name: schema.name, fields };
  structs.set(id, t); // before the fields, so a type that refers to itself terminates
  for (const [name, f] of Object.entries(schema.fields)) {
    fields.set(name, fieldType(f));
  }
  return t;
}

function fieldType(f: FieldSchema): GoType {
  switch (f.type) {
    case 'string':
      return f.format === 'date-time' ? TIME : STRING;
    case 'integer':
      return f.format === 'int64' ? INT64 : INT32;
    case 'boolean':
      return BOOL;
    case 'IntOrString':
      return INT_OR_STRING;
    case '[]string':
      return STRING_LIST;
    case 'map[string]string':
      return STRING_MAP;
    case 'map[string]Quantity':
      return RESOURCE_LIST;
  }
  const isList = f.type.startsWith('[]');
  if (!f.ref || !SCHEMAS[f.ref]) return opaqueType(isList ? f.type.slice(2) : f.type, isList);
  const item = structType(f.ref);
  return isList ? { k: 'list', go: `[]${item.go}`, of: item } : item;
}

/** A field of a type the schema names (`[]Volume`, `Affinity`) without describing it. */
function opaqueType(name: string, isList: boolean): GoType {
  if (name === 'FieldsV1') return ANY;
  if (name === 'integer') return INT64_LIST; // supplementalGroups []int64
  const item: GoType = { k: 'object', go: `v1.${name}` };
  return isList ? { k: 'list', go: `[]${item.go}`, of: item } : item;
}

/** The Go type a body of `kind` decodes into, or undefined for kinds without a schema. */
export function kindType(kind: string): GoType | undefined {
  const k = kindSchema(kind);
  return k && SCHEMAS[k.type] ? structType(k.type) : undefined;
}
