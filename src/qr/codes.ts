/**
 * Codes of the permit QR transport. They are defined with every other code in src/codes.ts;
 * this module names them for the QR code's own imports. Browser-safe.
 */
export { QR_CODES, type QrCode } from '../codes.js';
