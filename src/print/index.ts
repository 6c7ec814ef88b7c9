/** The printed permit (Node only: pdfkit). */
export { renderPermitPdf, type PrintStatus, type RenderPermitInput } from './render.js';
export { FORM_LABELS, PRINT_LANGUAGES, type FormLabels, type PrintLanguage } from './labels.js';
export {
  layoutQr,
  qrGeometry,
  QrTooLargeError,
  QR_MAX_MM,
  QR_MIN_MODULE_MM,
  QR_MODULE_SIZES_MM,
  QR_QUIET_ZONE_MODULES,
  QR_TARGET_MM,
  type QrGeometry,
} from './qr-box.js';
