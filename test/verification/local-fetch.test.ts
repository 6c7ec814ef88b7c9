/**
 * The agent's own resources are answered in process (src/verification/local-fetch.ts), and its
 * answers read as the verifier's bounded fetch reads any answer: status, type, size, text.
 */
import { describe, expect, it } from 'vitest';
import { createLocalFetch } from '../../src/verification/local-fetch.js';
import { fetchText } from '../../src/verify/http-fetch.js';

const BASE = 'https://cites.example.org';
const served = new Map([['/status/1', { contentType: 'application/vc+jwt', body: 'eyJ.h\u00e9.sig' }]]);
const elsewhere: string[] = [];
const fetch = createLocalFetch(BASE, async (path) => served.get(path), async (input) => {
  elsewhere.push(String(input));
  return new Response('remote', { status: 200, headers: { 'content-type': 'text/plain' } });
});
const options = { fetch, accept: 'application/vc+jwt', maxBytes: 1000, timeoutMs: 1000 };

describe('the local fetch', () => {
  it('answers its own resource from the database, with its type, length and exact text', async () => {
    const answer = await fetch(`${BASE}/status/1`);
    expect([answer.ok, answer.status, answer.headers.get('Content-Type'), answer.headers.get('content-length')]).toEqual([true, 200, 'application/vc+jwt', '11']);
    expect(await answer.text()).toBe('eyJ.h\u00e9.sig');
    expect(await fetchText(`${BASE}/status/1`, options)).toEqual({ ok: true, text: 'eyJ.h\u00e9.sig', contentType: 'application/vc+jwt' });
  });

  it('answers 404 for an own path it does not have, and the verifier reads that as a failed fetch', async () => {
    const answer = await fetch(`${BASE}/status/2`);
    expect([answer.ok, answer.status]).toEqual([false, 404]);
    expect(await fetchText(`${BASE}/status/2`, options)).toEqual({ ok: false, reason: `Fetching ${BASE}/status/2 returned HTTP 404.` });
  });

  it('keeps the size limit for its own answers', async () => {
    expect(await fetchText(`${BASE}/status/1`, { ...options, maxBytes: 10 })).toEqual({ ok: false, reason: `${BASE}/status/1 is larger than 10 bytes.` });
  });

  it('sends everything else to the real fetch', async () => {
    expect(await (await fetch('https://cites.other.example/status/1')).text()).toBe('remote');
    expect(elsewhere).toEqual(['https://cites.other.example/status/1']);
  });
});
