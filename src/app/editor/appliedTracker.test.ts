import { describe, expect, it } from 'vitest';
import { appliedFilesOf } from '../store/appliedFiles';

describe('appliedFilesOf', () => {
  it.each([
    ['kubectl apply -f web.yaml', ['web.yaml']],
    ['kubectl apply -f a.yaml -f b.yaml', ['a.yaml', 'b.yaml']],
    ['kubectl apply --filename=a.yaml', ['a.yaml']],
    ['kubectl apply -f=a.yaml', ['a.yaml']],
    ['kubectl apply --dry-run=server -f a.yaml', []],
    ['kubectl apply -f -', []],
    ['kubectl get -f a.yaml', []],
  ])('%s', (line, files) => {
    expect(appliedFilesOf(line)).toEqual(files);
  });
});
