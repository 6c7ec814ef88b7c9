/**
 * A real SMTP server on loopback (smtp-server, in-process) that keeps what it was sent, and a
 * small MIME reader for what nodemailer writes: headers (RFC 2047 words), multipart/alternative,
 * quoted-printable and base64 bodies, all UTF-8.
 */
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  mailFrom: string;
  rcptTo: string[];
  user?: string;
  /** The session ran over TLS (STARTTLS or implicit). */
  secure: boolean;
  raw: string;
}

export interface Sink {
  port: number;
  received: Received[];
  /** Connections the server accepted. */
  connections: number;
  close(): Promise<void>;
}

export async function startSink(options: Partial<SMTPServerOptions> = {}): Promise<Sink> {
  const received: Received[] = [];
  const sink = { received, connections: 0 } as Sink;
  const server = new SMTPServer({
    // No STARTTLS: smtp-server's built-in certificate is not trusted, and these tests are about plain loopback.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      sink.connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = session.envelope;
        received.push({
          mailFrom: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          rcptTo: envelope.rcptTo.map((r) => r.address),
          ...(session.user !== undefined && { user: String(session.user) }),
          secure: session.secure,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** A loopback port where nothing listens: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ParsedMail {
  headers: Map<string, string>;
  text: string;
  html: string;
}

const decodeWords = (value: string): string =>
  value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );

const qp = (s: string): string =>
  Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

function part(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: raw.slice(end + 4) };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'quoted-printable') return qp(body);
  if (cte === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

/** The message's headers (decoded) and its text/plain and text/html parts. */
export function parseMail(raw: string): ParsedMail {
  const top = part(raw);
  const found = { text: '', html: '' };
  const walk = (headers: Map<string, string>, body: string): void => {
    const type = headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
    if (type.startsWith('multipart/') && boundary !== undefined) {
      for (const chunk of body.split(`--${boundary}`).slice(1, -1)) {
        const p = part(chunk.replace(/^\r\n/, ''));
        walk(p.headers, p.body.replace(/\r\n$/, ''));
      }
    } else if (type.startsWith('text/html')) found.html = decodeBody(headers, body).replace(/\r\n/g, '\n');
    else found.text = decodeBody(headers, body).replace(/\r\n/g, '\n');
  };
  walk(top.headers, top.body);
  return { headers: top.headers, ...found };
}
