export const NEXT_INPUTS: string[];
export const ENGINE_INPUTS: string[];
export function walkFiles(root: string, inputs: string[], visit: (rel: string, full: string) => void): void;
export function hashTree(root: string, inputs: string[]): string;
