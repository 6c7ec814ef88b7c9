/**
 * Every example permit, issued by a real agent of its country, through the QR transport:
 * encode → link → read back → the very same JWT → the agent verifies it. Also measures the
 * QR versions (error correction M) against the size targets and prints a table.
 *
 * Size targets (link form, ECC M): a one-line permit at version 17 or less, a four-line
 * permit at version 18 or less, for every example, whatever the random parts of an issued
 * permit (credential id, status indexes, time of issue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrVersionFor, segmentedBits } from '../../src/qr/capacity.js';
import { checkReferencedCredential } from '../../src/qr/cpr1.js';
import { parseVerifierInput } from '../../src/qr/input.js';
import { encodePermitQrOrReference, permitQrLink } from '../../src/qr/link.js';
import { decodePermitQr, encodePermitQr } from '../../src/qr/payload.js';
import { qrVersion } from '../../src/qr/render.js';
import { AUTHORITIES, createAgent, examples, fourLinePermit, manyLinePermit, SIGNATORY, type Country, type Example, type TestAgent } from './helpers.js';

const TARGET = { oneLine: 17, fourLine: 18 };

const agents = {} as Record<Country, TestAgent>;
const rows: { name: string; lines: number; jwt: number; payload: number; link: number; rawVersion: string; linkVersion: number }[] = [];

beforeAll(async () => {
  const [lk, ch, no] = await Promise.all([createAgent('LK'), createAgent('CH'), createAgent('NO')]);
  Object.assign(agents, { LK: lk, CH: ch, NO: no });
});

afterAll(async () => {
  await Promise.all(Object.values(agents).map((a) => a.close()));
  if (rows.length > 0) {
    const table = [
      '| permit | lines | JWT bytes | CP3 payload chars | link chars | raw JWT QR version (M) | link QR version (M) |',
      '|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.lines} | ${r.jwt} | ${r.payload} | ${r.link} | ${r.rawVersion} | ${r.linkVersion} |`),
    ].join('\n');
    console.log(`\nQR sizes of the example permits (link = verifier URL of the issuing agent + /VERIFY#CP3:…)\n${table}\n`);
  }
});

async function issue(example: Example): Promise<string> {
  const outcome = await agents[example.country].saiga.issuer.issue(example.request, { signatory: SIGNATORY[example.country] });
  if (!outcome.ok) throw new Error(`${example.name}: ${JSON.stringify(outcome.errors)}`);
  return outcome.record.jwt;
}

const rawVersion = (jwt: string): string => {
  try {
    return String(qrVersion(jwt));
  } catch {
    return `>40 (L: ${(() => {
      try {
        return qrVersion(jwt, 'L');
      } catch {
        return '>40';
      }
    })()})`;
  }
};

describe('every example permit through the QR transport, issued and verified by real agents', () => {
  const cases = [...examples(), fourLinePermit()];

  it.each(cases.map((c) => [c.name, c] as const))('%s: the link reads back as the same JWT, which verifies', async (name, example) => {
    const jwt = await issue(example);
    const payload = encodePermitQr(jwt);
    expect(payload).toMatch(/^CP3:[0-9A-Z$*+\-./:]+$/);
    const link = permitQrLink(AUTHORITIES[example.country].url, payload);
    expect(link).toBe(`${AUTHORITIES[example.country].url.toUpperCase()}/VERIFY#${payload}`);

    const decoded = decodePermitQr(payload);
    expect(decoded).toEqual({ ok: true, kind: 'qr', jwt });
    const fromLink = parseVerifierInput(link);
    expect(fromLink).toEqual({ ok: true, kind: 'qr', jwt, linkOrigin: AUTHORITIES[example.country].url });
    const fromLowerCaseLink = parseVerifierInput(link.toLowerCase());
    expect(fromLowerCaseLink.ok && fromLowerCaseLink.kind === 'qr' && fromLowerCaseLink.jwt).toBe(jwt);

    const result = await agents[example.country].saiga.verifier.verify((decoded as { jwt: string }).jwt);
    expect(result.verified, JSON.stringify(result.checks)).toBe(true);

    const linkVersion = qrVersion(link);
    expect(qrVersionFor(link, 'M')).toBe(linkVersion);
    rows.push({ name, lines: example.request.specimens.length, jwt: jwt.length, payload: payload.length, link: link.length, rawVersion: rawVersion(jwt), linkVersion });

    const lines = example.request.specimens.length;
    const target = lines === 1 ? TARGET.oneLine : lines === 4 ? TARGET.fourLine : undefined;
    if (target !== undefined) expect(linkVersion, `${name}: link QR version ${linkVersion} at M`).toBeLessThanOrEqual(target);
    // The full form is used (not a reference) for all of them: they fit version 25.
    const chosen = await encodePermitQrOrReference(jwt, AUTHORITIES[example.country].url);
    expect([chosen.kind, chosen.text, chosen.version]).toEqual(['qr', link, linkVersion]);
  });

  it('the four-line permit fits V18 with room to spare: 25 issuances, the largest link at least 40 bits under', async () => {
    // The random parts vary the size by a few bytes; V18 at M holds 4,504 bits of data.
    let largest = 0;
    for (let i = 0; i < 25; i++) {
      const link = permitQrLink(AUTHORITIES.CH.url, encodePermitQr(await issue(fourLinePermit())));
      largest = Math.max(largest, segmentedBits(link, 1));
    }
    expect(largest).toBeLessThanOrEqual(4504 - 40);
  });

  it('a twenty-line permit (the most a permit may have) is too large for version 25: the QR code holds a reference', async () => {
    const example = manyLinePermit(20);
    const jwt = await issue(example);
    const full = permitQrLink(AUTHORITIES.CH.url, encodePermitQr(jwt));
    expect(qrVersion(full)).toBeGreaterThan(25);
    const chosen = await encodePermitQrOrReference(jwt, AUTHORITIES.CH.url);
    expect(chosen.kind).toBe('reference');
    expect(chosen.text).toMatch(/^HTTPS:\/\/CITES\.BLV\.ADMIN\.CH\/VERIFY#CPR1:[0-9A-Z$*+\-./:]+$/);
    expect(chosen.version).toBe(qrVersion(chosen.text));
    expect(chosen.version).toBeLessThanOrEqual(8);

    const read = parseVerifierInput(chosen.text);
    if (!read.ok || read.kind !== 'reference') throw new Error(JSON.stringify(read));
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { iss: string; jti: string };
    expect(read.issuer).toBe(claims.iss);
    expect(read.credentialId).toBe(claims.jti);
    expect(read.credentialUrl).toBe(`https://cites.blv.admin.ch/credentials/${claims.jti.slice('urn:uuid:'.length)}`);
    // What the agent serves at that URL is the permit itself, which the reference's hash confirms.
    const served = await agents.CH.saiga.ownFetch(read.credentialUrl!);
    expect(served.status).toBe(200);
    const fetched = await served.text();
    expect(fetched).toBe(jwt);
    expect(await checkReferencedCredential(fetched, read)).toEqual({ ok: true });
    const other = await issue(manyLinePermit(20, 2));
    expect(await checkReferencedCredential(other, read)).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
  });
});
