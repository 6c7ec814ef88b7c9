/**
 * A reasonable RFC 5321 check of a mailbox (local-part@domain), ASCII only: a dot-atom local
 * part of at most 64 characters, a domain of at least two DNS labels, 254 characters in all.
 * No CR, LF or other control character can pass, so an address cannot inject a header or an
 * SMTP command. Quoted local parts, address literals and UTF-8 addresses (which need SMTPUTF8)
 * are refused: no trader's address needs them, and a relay may not support them.
 */
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** Why this is not a usable address (completing "the address …"), or undefined when it is. */
export function addressProblem(address: unknown): string | undefined {
  if (typeof address !== 'string' || address === '') return 'is missing';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(address)) return 'holds a line break or a control character';
  if (address.length > 254) return 'is longer than 254 characters';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'is not of the form name@domain';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (!local.split('.').every((atom) => ATOM.test(atom))) return 'has a character that is not allowed before the @ (letters, digits and !#$%&\'*+/=?^_`{|}~.- only, no leading, trailing or double dot)';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels.at(-1)!)) {
    return 'does not end in a domain name (e.g. example.org; write an international domain in its xn-- form)';
  }
  return undefined;
}
