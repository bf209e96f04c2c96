// Serves one HTML page from its own loopback origin: a stand-in storefront for cross-origin tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serveHtml(html: string, headers: Record<string, string> = {}) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
