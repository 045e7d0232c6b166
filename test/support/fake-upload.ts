import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One PUT the bot made to an upload URL. */
export interface UploadRequest { path: string; headers: http.IncomingHttpHeaders; body: Buffer }

/**
 * A local stand-in for the OneDrive upload session URL Teams gives a bot when a person
 * accepts a file consent card: records each PUT (path, headers, bytes) and answers as an
 * upload session does (202 for a chunk, 201 when the last byte has arrived), or with the
 * status set by failWith.
 */
export class FakeUploadServer {
  readonly uploads: UploadRequest[] = [];
  private failure: number | null = null;
  private server!: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.method !== 'PUT') { res.writeHead(405); res.end(); return; }
        this.uploads.push({ path: req.url ?? '', headers: req.headers, body });
        if (this.failure !== null) { res.writeHead(this.failure, { 'content-type': 'application/json' }); res.end('{"error":{"code":"generalException"}}'); return; }
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
        const done = range && Number(range[2]) + 1 === Number(range[3]);
        res.writeHead(done ? 201 : 202, { 'content-type': 'application/json' });
        res.end(JSON.stringify(done ? { id: 'drive-item-1', name: 'file' } : { nextExpectedRanges: [`${range ? Number(range[2]) + 1 : 0}-`] }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Every later PUT is answered with this status (null: succeed again). */
  failWith(status: number | null): void {
    this.failure = status;
  }

  /** The bytes uploaded to `path`, chunks joined in order. */
  bytesAt(path: string): Buffer {
    return Buffer.concat(this.uploads.filter((u) => u.path === path).map((u) => u.body));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
