/** OneDrive upload sessions take at most 60 MiB a request, in multiples of 320 KiB: 10 MiB is 32 of them. */
export const UPLOAD_CHUNK_BYTES = 32 * 320 * 1024;

/**
 * Puts `body` into a OneDrive upload session URL, as Teams' file consent gives it: PUT with
 * Content-Range, in chunks of `chunkBytes` (a multiple of 320 KiB, at most 60 MiB). No
 * Authorization header: the URL itself is the permission.
 */
export async function uploadToUploadUrl(url: URL, body: Buffer, options: { chunkBytes?: number; timeoutMs?: number } = {}): Promise<void> {
  const chunk = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const total = body.length;
  if (total === 0) throw new Error('nothing to upload');
  for (let start = 0; start < total; start += chunk) {
    const end = Math.min(start + chunk, total) - 1;
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${start}-${end}/${total}` },
      body: body.subarray(start, end + 1),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    const last = end === total - 1;
    if (!(last ? res.status === 200 || res.status === 201 : res.status === 202)) {
      throw new Error(`upload ${last ? 'finish' : 'chunk'} answered ${res.status} for bytes ${start}-${end}/${total}`);
    }
  }
}
