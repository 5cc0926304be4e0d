// A partner site on another origin, for the embeddable widget: a page that loads embed.js
// from the search server.

import http from 'node:http';

/// A free TCP port (the partner site must be on a known origin before the server starts).
export function freePort() {
  return new Promise((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/// Serves, on `port`, a page embedding the widget from `searchUrl` with the given data-*
/// attributes (e.g. {lang: 'en', map: 'true'}). Returns {origin, close()}.
export function startSite(port, searchUrl, data = { lang: 'en' }) {
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${v}"`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title></head>
<body><h1>Partner site</h1>
<div id="peacesearch"></div>
<script src="${searchUrl}/embed.js" data-endpoint="${searchUrl}" data-target="#peacesearch"${attrs}></script>
</body></html>`;
  const srv = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => srv.listen(port, '127.0.0.1', () => resolve({
    origin: `http://localhost:${port}`,
    close: () => new Promise((r) => srv.close(r)),
  })));
}
