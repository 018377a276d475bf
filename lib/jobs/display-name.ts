/**
 * A user-supplied file name made safe to show and to put in a Content-Disposition header.
 * It is only ever displayed: storage paths are server-generated.
 */
export function toDisplayName(raw: string | undefined, fallback = "genome.fa"): string {
  if (!raw) return fallback;
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // Control characters, NUL, and bidi overrides that can disguise an extension.
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 255);
  return cleaned || fallback;
}
