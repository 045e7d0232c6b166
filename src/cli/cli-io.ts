/** What a CLI command returns: JSON for stdout, or an error for stderr, and the exit code. */
export interface CommandResult {
  exitCode: number;
  stdout?: unknown;
  stderr?: string;
}

export class UsageError extends Error {}

export async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
