// Pod volumes: the one-source rule and the names (ValidateVolumes, validateVolumeSource).
// The list of sources is in volumeSources.ts, which defaulting shares (in the first chunk).
// The sources' own fields (a configMap's name, a hostPath's path …) are not simulated and
// not validated.
// Source: pkg/apis/core/validation/validation.go (ValidateVolumes, validateVolumeSource),
// staging/src/k8s.io/api/core/v1/types.go (VolumeSource's json names).

import { field, type FieldError } from '../../core/errors';
import { isDNS1123Label, validDNS1123Label } from './common';
import { isSet, sourceCount, type Volume, VOLUME_SOURCES } from './volumeSources';

const asVolume = (v: unknown): Volume => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Volume) : {});

/** validateVolumeSource's count errors for one volume at `path` (`spec.volumes[0]`). */
function validateVolumeSource(volume: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let sources = 0;
  for (const [json, reportedAs] of VOLUME_SOURCES) {
    if (!isSet(volume, json)) continue;
    if (sources > 0) errs.push(field.forbidden(`${path}.${reportedAs}`, 'may not specify more than 1 volume type'));
    else sources++;
  }
  if (sources === 0) errs.push(field.required(path, 'must specify a volume type'));
  return errs;
}

const volumeName = (volume: Volume) => (typeof volume.name === 'string' ? volume.name : '');

/** ValidateVolumes: each volume's source, then its name (required, a DNS-1123 label, unique among the valid ones before it). */
export function validateVolumes(volumes: unknown, path: string): FieldError[] {
  if (!Array.isArray(volumes)) return [];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((raw, i) => {
    const volume = asVolume(raw);
    const at = `${path}[${i}]`;
    const name = volumeName(volume);
    const el = validateVolumeSource(volume, at);
    if (!name) el.push(field.required(`${at}.name`));
    else for (const m of isDNS1123Label(name)) el.push(field.invalid(`${at}.name`, name, m));
    if (names.has(name)) el.push(field.duplicate(`${at}.name`, name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return errs;
}

/** validateVolumes reports nothing: each volume has exactly one source and a valid name no earlier volume has. */
export function volumesAreValid(volumes: unknown): boolean {
  if (volumes === undefined || volumes === null) return true;
  if (!Array.isArray(volumes)) return false;
  for (let i = 0; i < volumes.length; i++) {
    const volume = asVolume(volumes[i]);
    const name = volumeName(volume);
    if (sourceCount(volume) !== 1 || !name || !validDNS1123Label(name)) return false;
    for (let j = 0; j < i; j++) if (volumeName(asVolume(volumes[j])) === name) return false;
  }
  return true;
}
