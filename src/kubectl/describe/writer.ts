// describe.go's PrefixWriter over a tabwriter (padding 2): each level indents two
// spaces; Flush() closes the current tabwriter block, as DescribeEvents does before
// its table. Source: staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (prefixWriter, tabbedString, printLabelsMultiline, printAnnotationsMultiline).

import { DESCRIBE_SETTINGS, tabwrite } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private segments: string[] = [];
  private current = '';

  /** Text at an indentation level; include '\t' between cells and '\n' at line ends. */
  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** fmt.Sprintln of the arguments, without indentation. */
  writeLine(text: string): void {
    this.current += text + '\n';
  }

  flush(): void {
    this.segments.push(this.current);
    this.current = '';
  }

  toString(): string {
    return [...this.segments, this.current].map((s) => tabwrite(s, DESCRIBE_SETTINGS)).join('');
  }

  /** The text as written, tabs left as they are: what a PrefixWriter with no tabwriter behind it prints. */
  untabbed(): string {
    return [...this.segments, this.current].join('');
  }
}

/** Sorted `k=v`, one per line, aligned under the first; `<none>` when empty. */
export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** `key: value` per line (last-applied-configuration skipped); long or multi-line values wrap. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s;
        w.write(LEVEL_0, `\t  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** printController: `Kind/name` of the controlling owner, or ''. */
export function controllerOf(metadata: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] }): string {
  const ref = metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
