/**
 * The JSON Schemas of the exchange's message bodies (src/exchange/schemas/bodies.ts), public
 * and with CORS, at `/schemas/cites-exchange/1.0/<type>.json`, each with its own URL as `$id`:
 * for a peer's implementer, who checks its bodies against them (docs/exchange.md). Immutable
 * once shipped (a change is a new protocol version), so cached as the other schemas are.
 * Mount with `app.use(exchangeSchemaRoutes(saiga))`.
 */
import { Router } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { EXCHANGE_KINDS, exchangeBodySchema, exchangeSchemaPath } from '../../exchange/schemas/bodies.js';
import { publicGet } from '../cors.js';
import { IMMUTABLE_CACHE_CONTROL } from './vocabulary.js';

export function exchangeSchemaRoutes(saiga: Pick<ReadCapabilities, 'config'>): Router {
  const router = Router();
  for (const kind of EXCHANGE_KINDS) {
    const body = JSON.stringify(exchangeBodySchema(kind, saiga.config.saiga.url));
    publicGet(router, exchangeSchemaPath(kind), (_req, res) => {
      res.set('Cache-Control', IMMUTABLE_CACHE_CONTROL);
      res.type('application/schema+json').send(body);
    });
  }
  return router;
}
