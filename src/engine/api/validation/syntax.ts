// Character scans for the name syntaxes of apimachinery's validation.go (IsDNS1123Label,
// IsDNS1035Label, IsDNS1123Subdomain, IsQualifiedName, IsValidLabelValue, IsValidPortName).
// Each answers exactly "the check reports no error" for a string, without a regular
// expression or a split: every object name, label, port and toleration key of every write
// passes here, and nearly all of them are valid. The messages for invalid values are built
// in common.ts.

const isLowerAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isAlnum = (c: number) => isLowerAlnum(c) || (c >= 65 && c <= 90);

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` over s[from, to). */
function dns1123LabelSyntax(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isLowerAlnum(c)) continue;
    if (c === 45 /* - */ && i !== from && i !== to - 1) continue;
    return false;
  }
  return true;
}

/** `label(\.label)*` over s[from, to), each label as above. */
function dns1123SubdomainSyntax(s: string, from: number, to: number): boolean {
  let start = from;
  for (;;) {
    let end = s.indexOf('.', start);
    if (end < 0 || end >= to) end = to;
    if (!dns1123LabelSyntax(s, start, end)) return false;
    if (end === to) return true;
    start = end + 1;
  }
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` over s[from, to). */
function qualifiedPartSyntax(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    if ((c === 45 /* - */ || c === 95 /* _ */ || c === 46 /* . */) && i !== from && i !== to - 1) continue;
    return false;
  }
  return true;
}

/** IsDNS1123Label finds nothing: at most 63 characters. */
export function scanDNS1123Label(s: string): boolean {
  return s.length <= 63 && dns1123LabelSyntax(s, 0, s.length);
}

/** IsDNS1035Label finds nothing: a DNS-1123 label that starts with a letter. */
export function scanDNS1035Label(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122 && scanDNS1123Label(s);
}

/** IsDNS1123Subdomain finds nothing: at most 253 characters. */
export function scanDNS1123Subdomain(s: string): boolean {
  return s.length <= 253 && dns1123SubdomainSyntax(s, 0, s.length);
}

/** IsQualifiedName finds nothing: an optional DNS-subdomain prefix and '/', then a name part of 1-63 characters. */
export function scanQualifiedName(s: string): boolean {
  const slash = s.indexOf('/');
  let nameFrom = 0;
  if (slash >= 0) {
    if (s.indexOf('/', slash + 1) >= 0 || slash > 253) return false;
    if (!dns1123SubdomainSyntax(s, 0, slash)) return false;
    nameFrom = slash + 1;
  }
  return s.length - nameFrom <= 63 && qualifiedPartSyntax(s, nameFrom, s.length);
}

/** IsValidLabelValue finds nothing: empty, or a qualified name part of at most 63 characters. */
export function scanLabelValue(s: string): boolean {
  return s.length === 0 || (s.length <= 63 && qualifiedPartSyntax(s, 0, s.length));
}

/** IsValidPortName finds nothing: 1-15 of [-a-z0-9] with a letter, no `--`, no hyphen at either end. */
export function scanPortName(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) letter = true;
    else if (c === 45 /* - */) {
      if (i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 45) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return letter;
}
