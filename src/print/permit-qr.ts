/**
 * The QR code of an issued permit, as the agent prints it: a link to its own verifier page
 * (`/VERIFY`) with the whole signed permit in the fragment (CP3), or a reference (CPR1)
 * when the permit is too large for QR version 25 at error correction M.
 */
import { encodePermitQrOrReference, type QrOrReference } from '../qr/link.js';
import { qrVersion } from '../qr/render.js';

/** What of agent.yml the QR code needs (a LoadedConfig has it): the agent's public URL, where its verifier page is. */
export type PermitQrConfig = { saiga: { url: string } };

export function verifierPageUrl(config: PermitQrConfig): string {
  return new URL('/VERIFY', config.saiga.url).toString();
}

export function permitQr(config: PermitQrConfig, jwt: string): Promise<QrOrReference> {
  // qrcode (which draws the code) sometimes needs one version more than the optimum for mixed text.
  return encodePermitQrOrReference(jwt, verifierPageUrl(config), { versionOf: (text) => qrVersion(text) });
}
