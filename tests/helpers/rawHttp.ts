/**
 * One HTTP/1.1 request written byte for byte on a socket, for what node:http's client refuses to
 * send (a NUL, a space or a tab in the path, an absolute-form target): the server must cope with
 * whatever a scanner on the network sends. The answer is read until the server closes.
 */
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** `headers`: extra header lines, each ending in CRLF. A body gets its Content-Length. */
export function rawHttp(port: number, target: string | Buffer, method = 'GET', headers = '', body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => {
      const length = body === undefined ? '' : `Content-Length: ${Buffer.byteLength(body)}\r\n`;
      socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.from(target), Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}${length}Connection: close\r\n\r\n${body ?? ''}`)]));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const parsed: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const body = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      resolve({ status, headers: parsed, body: /chunked/i.test(parsed['transfer-encoding'] ?? '') ? dechunk(body) : body });
    });
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${method} ${String(target)}`)));
  });
}
