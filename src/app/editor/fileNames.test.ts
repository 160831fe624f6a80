import { describe, expect, it } from 'vitest';
import { fileNameProblem, untitledName } from './fileNames';

describe('file names', () => {
  it.each([
    ['web.yaml', undefined],
    ['web.yml', undefined],
    ['', 'A file needs a name.'],
    ['a/b.yaml', 'File names cannot contain slashes.'],
    ['my file.yaml', 'File names cannot contain spaces.'],
    ['web.txt', 'File names end in .yaml or .yml.'],
    ['.yaml', 'File names end in .yaml or .yml.'],
    ['taken.yaml', 'A file named taken.yaml already exists.'],
  ])('%j', (name, problem) => {
    expect(fileNameProblem(name, ['taken.yaml'])).toBe(problem);
  });

  it('allows keeping the current name; finds the first free untitled name', () => {
    expect(fileNameProblem('taken.yaml', ['taken.yaml'], 'taken.yaml')).toBeUndefined();
    expect(untitledName(['untitled-1.yaml', 'untitled-3.yaml'])).toBe('untitled-2.yaml');
  });
});
