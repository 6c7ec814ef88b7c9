/**
 * CORS for the public routes: the verifier page may be hosted anywhere, and it reads
 * DID documents, schemas and verdicts straight from each authority's agent.
 * Admin routes get no CORS headers: browsers on other origins cannot call them.
 */
import type { NextFunction, Request, Response } from 'express';

export function publicCors(req: Request, res: Response, next: NextFunction): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.set('Access-Control-Allow-Headers', 'Content-Type');
  res.set('Access-Control-Max-Age', '600');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}
