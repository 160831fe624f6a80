// Client-side `kubectl apply`: the live object patched by the three-way strategic merge
// patch between the last applied configuration, the new manifest and the live object.
// Lists with a patch merge key are merged item by item (so server-side defaults inside a
// container or port survive); other lists are replaced; fields the last apply set and the
// new manifest drops are removed; fields only the server set are kept; `$retainKeys` fields
// (a Deployment's strategy) keep only what the manifest names.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go (patchSimple),
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (CreateThreeWayMergePatch).

import { applyStrategicMergePatch, createThreeWayMergePatch } from './strategicPatch';

type JsonObject = Record<string, unknown>;

/** The object `kubectl apply` leaves: `current` patched by (original → modified). Inputs are not mutated. */
export function threeWayMerge(kind: string, original: JsonObject | undefined, modified: JsonObject, current: JsonObject): JsonObject {
  return applyStrategicMergePatch(kind, current, createThreeWayMergePatch(kind, original, modified, current)) as JsonObject;
}
