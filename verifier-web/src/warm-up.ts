/**
 * What the page runs once while it is idle, so that a scan does not pay for running the
 * verification's code for the first time: the browser compiles each function when it first
 * runs it, and an Intl formatter loads its locale data when it is built (tens of ms each,
 * measured with Chromium's profiler; `npm run bench` reports the camera-to-verdict parts).
 *
 * It reads a fixed, unsigned sample permit (an orchid export of a made-up authority,
 * did:web:cites.example.org, with an all-zero signature) exactly as a scanned one is read —
 * the QR payload, the JWS, the claims, the permit rules — and a status list's bitstring, and
 * formats a date and a number. Nothing here is verified, fetched, stored or shown, and the
 * outcome is thrown away: a failure costs only its time. Pure of the DOM and the network.
 */
import { citesPermitRules, parseCompactJws, readInput, readPermitClaims, type TrustedIssuer } from '../../src/verify/index.js';
import { decodeBitstring } from '../../src/vocab/bitstring.js';
import { prefetchUrls } from './prefetch.js';
import { formatDate, formatNumber, type Lang } from './i18n.js';

/** The sample permit's QR payload (src/qr/payload.ts encodePermitQr of the unsigned sample JWT). */
export const WARM_UP_PERMIT = 'CP3:IXS+E:3XF-A+L68$RSI8TE1RBY-7AO:YU/R3QXH*R1+CBAYNMKY*PNVC:47HOS00000000000000000000000000000000000000000000000000000000000000000070I:FHYS3F$P84BZFMI$*K/-/SFATAKSMYXJU/TQ:Z.L1$YM4+VAF4J8ND02TMJHNJ.K8$--HZW.STP/C7DWWP14U5GUI1DYL/9N9-0-SWXOJYGL8+2FO+WBK9BIJ*SO0H56+M.K0V8JH-6+Z/:VA+041TOL0.5TBJ:1F-N4XGZ6O:4O2DXZC*NJ/NYKW0/33T$LX$0-16MR9SIS.DNE+SPOE5QZFBAJI+JY/.$:3NQ9CJ/JX/J1G:*ZM.GG*3:T.XLFV1I+4TCDIELH/P8U*IDTQSD13UFSLYWRLGWME:-$1QS0S6';

/** An empty status list of the minimum length, as a status list credential carries it (src/vocab/bitstring.ts). */
export const WARM_UP_STATUS_LIST = 'uH4sIAAAAAAACA-3AMQEAAADCIPunNsYeGAAAAAAAAAAAAAAAAAAAAJA7htJUqwBAAAA';

/** What ran to its end (the tests check that each step really ran, or it would warm nothing). */
export interface WarmUpReport {
  input: boolean;
  rules: boolean;
  statusList: boolean;
}

/** Runs the warm-up; `busy` is asked between its steps, which stop once a scan or verification has begun. */
export async function warmUpVerification(lang: Lang, busy: () => boolean = () => false): Promise<WarmUpReport> {
  const report: WarmUpReport = { input: false, rules: false, statusList: false };
  formatDate('2026-01-31', lang);
  formatNumber(1200.5, lang);
  // A few times: the browser compiles a function that keeps running with its optimising tiers.
  for (let i = 0; i < WARM_UP_ROUNDS && !busy(); i++) Object.assign(report, await readSample());
  if (!busy()) report.statusList = decodeBitstring(WARM_UP_STATUS_LIST).ok;
  return report;
}

const WARM_UP_ROUNDS = 3;

async function readSample(): Promise<Pick<WarmUpReport, 'input' | 'rules'>> {
  const report = { input: false, rules: false };
  // No reference is ever resolved here: no fetch, and no issuer is trusted.
  const read = await readInput(WARM_UP_PERMIT, { isTrustedAuthority: () => false });
  if (read.ok) {
    // No URL is prefetched either: the sample's issuer is on no list.
    prefetchUrls(read.jwt, []);
    const parsed = parseCompactJws(read.jwt);
    const claims = parsed.ok ? readPermitClaims(parsed.jws.payload) : undefined;
    report.input = claims?.ok === true;
    if (claims?.ok) {
      const issuer: TrustedIssuer = { did: claims.claims.issuer, role: 'managementAuthority', name: 'Sample authority', country: 'LK' };
      const { nbf, exp } = claims.claims;
      const context = { issuer, ...(nbf !== undefined && { issuedAt: new Date(nbf * 1000) }), ...(exp !== undefined && { validUntil: new Date(exp * 1000).toISOString().slice(0, 10) }) };
      // The sample follows every rule, so that every rule runs to its end.
      report.rules = citesPermitRules([issuer])(claims.claims.subject, context).errors.length === 0;
    }
  }
  return report;
}
