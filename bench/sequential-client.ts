import { Agent, request } from 'node:http';

/** A response as the sequential client keeps it: status and body bytes, undecoded. */
export interface RawResponse {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * Requests made one after another over one keep-alive connection with `node:http`, each resolved once its whole
 * body has arrived, as bytes: what the client does with them (decoding, JSON.parse) is left to the caller and
 * to its own timer. `fetch` (undici) costs ~1.3 ms of client CPU more per 110 KB page on the bench machine, on
 * the same two vCPUs as the server, which a sequential measure would count as the server's.
 */
export class SequentialClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly origin: string) {}

  send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
    const url = new URL(path, this.origin);
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { method, headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
