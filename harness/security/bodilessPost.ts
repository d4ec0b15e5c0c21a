/**
 * A POST with no body at all: neither Content-Length nor Transfer-Encoding, as `curl -X POST` sends
 * it. Browsers and Playwright always say "Content-Length: 0", so the request is written on the socket
 * by hand (HTTP/1.1, over TLS for an https URL).
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** The status the server answered with, or what went wrong when there was none within `timeoutMs`. */
export function postWithoutBody(url: string, headers: Record<string, string>, timeoutMs: number): Promise<number | string> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const port = Number(target.port || (secure ? 443 : 80));
  const lines = [
    `POST ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    ...Object.entries(headers)
      .filter(([name]) => !/^(host|content-length|content-type|transfer-encoding|connection)$/i.test(name))
      .map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  return new Promise((resolve) => {
    const socket: Socket = secure ? connectTls({ host: target.hostname, port, servername: target.hostname }) : connectTcp({ host: target.hostname, port });
    let received = '';
    const done = (answer: number | string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (statusLine) done(Number(statusLine[1]));
      else if (received.includes('\r\n')) done(`no HTTP status line: ${JSON.stringify(received.split('\r\n')[0])}`);
    });
    socket.on('error', (error) => done(`no answer (${error.message})`));
    socket.on('close', () => done(`the connection closed with no answer${received ? `: ${JSON.stringify(received.slice(0, 80))}` : ''}`));
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
