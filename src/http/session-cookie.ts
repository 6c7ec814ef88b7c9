/**
 * The console's session cookie (issue 11 §1). HttpOnly (no script reads it), SameSite=Strict
 * (a cross-site request carries no cookie: RFC 6265bis §5.4.7 / draft-ietf-httpbis-rfc6265bis
 * §8.8.2), Path=/, no Max-Age (the server judges expiry: src/auth/sessions.ts). Secure unless the
 * agent's URL is http on a loopback host, where a browser would never send a Secure cookie; a
 * Secure cookie is named with the `__Host-` prefix (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain),
 * so no other host or path can plant one of that name.
 */
export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface SessionCookie {
  name: string;
  secure: boolean;
}

export function sessionCookieFor(agentUrl: string): SessionCookie {
  const url = new URL(agentUrl);
  const loopback = url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname));
  return loopback ? { name: 'saiga_session', secure: false } : { name: '__Host-saiga_session', secure: true };
}

/** The Set-Cookie value that gives the browser `value`. */
export function setCookieHeader(cookie: SessionCookie, value: string): string {
  return `${cookie.name}=${value}; Path=/; HttpOnly; SameSite=Strict${cookie.secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the cookie (sign-out; the session has ended on the server already). */
export function clearCookieHeader(cookie: SessionCookie): string {
  return `${cookie.name}=; Path=/; HttpOnly; SameSite=Strict${cookie.secure ? '; Secure' : ''}; Max-Age=0`;
}

/** The cookie's value in a Cookie request header, if there is exactly one (two of one name: none is trusted). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const values = header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
  return values.length === 1 && values[0] !== '' ? values[0] : undefined;
}
