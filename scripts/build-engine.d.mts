export function buildWorker(outfile?: string): Promise<string>;
export function buildCli(outfile?: string): Promise<string>;
