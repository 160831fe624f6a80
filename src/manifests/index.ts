// YAML manifests <-> API objects, with source positions for editor diagnostics.
export { parseManifests, MAX_MANIFEST_BYTES, flowDepthOverflow, utf8Length } from './parse';
export type { ManifestDocument, ManifestError, ManifestParseResult, ParseOptions, SourcePosition } from './parse';
export { shapeProblems, aggregateText, isPlainObject } from './shape';
export type { ManifestObject } from './shape';
export { MAX_DEPTH } from './toPlain';
