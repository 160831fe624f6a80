// A pod volume's sources (VolumeSource's members), shared by defaulting (SetDefaults_Volume,
// in the first chunk) and validation (volumes.ts, in the extension's chunk).
// Source: staging/src/k8s.io/api/core/v1/types.go, pkg/apis/core/validation/validation.go.

/**
 * VolumeSource's members, in the order validateVolumeSource checks them: the first one set
 * counts, each later one is `Forbidden: may not specify more than 1 volume type` under its
 * own name, except downwardAPI, which upstream reports under the misspelt `downwarAPI`.
 * (`image` is the ImageVolume source, alpha and off by default in v1.32.)
 */
export const VOLUME_SOURCES: readonly (readonly [json: string, reportedAs: string])[] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'], ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'], ['cinder', 'cinder'], ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'], ['flexVolume', 'flexVolume'], ['configMap', 'configMap'],
  ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'], ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'], ['storageos', 'storageos'], ['projected', 'projected'],
  ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'], ['image', 'image'],
];

export type Volume = Record<string, unknown>;

/** A pointer member is set: present and not null. */
export const isSet = (volume: Volume, key: string) => volume[key] !== undefined && volume[key] !== null;

const SOURCE_NAMES: ReadonlySet<string> = new Set(VOLUME_SOURCES.map(([json]) => json));

/**
 * How many sources a volume sets. Walks the volume's own keys (a name and a source, as a
 * rule) rather than the thirty source names: every pod and template passes through here.
 */
export function sourceCount(volume: Volume): number {
  let n = 0;
  for (const key in volume) if (SOURCE_NAMES.has(key) && isSet(volume, key)) n++;
  return n;
}

/** ptr.AllPtrFieldsNil(&volume.VolumeSource): no source at all (what SetDefaults_Volume turns into `emptyDir: {}`). */
export const hasNoVolumeSource = (volume: Volume) => sourceCount(volume) === 0;

