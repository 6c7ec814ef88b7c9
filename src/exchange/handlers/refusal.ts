/** A handler's refusal: its code (EXCHANGE_CODES), the message an operator reads, and whether the sender should try again. */
import { EXCHANGE_CODES, type ExchangeCode } from '../../codes.js';
import type { ExchangeRefusal } from '../ports.js';

export function refuse(code: ExchangeCode, detail?: string, options: { retryable?: boolean; path?: string } = {}): ExchangeRefusal {
  return {
    ok: false,
    code,
    message: detail ? `${EXCHANGE_CODES[code]} ${detail}` : EXCHANGE_CODES[code],
    ...(options.path !== undefined && { path: options.path }),
    ...(options.retryable && { retryable: true }),
  };
}
