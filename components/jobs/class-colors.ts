// Stable colours per antibiotic class (the same class is the same colour on every page).
const PALETTE = ["#0f766e", "#b91c1c", "#7c3aed", "#c2410c", "#0369a1", "#a16207", "#be185d", "#15803d", "#4338ca", "#64748b"];

export function classColor(cls: string, classes: string[]): string {
  const i = classes.indexOf(cls);
  return PALETTE[(i >= 0 ? i : 0) % PALETTE.length];
}
