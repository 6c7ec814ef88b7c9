import { describe, it, expect } from 'vitest';
import { validatePermit, validatePermitRequest } from '../../src/permit/validate.js';
import { authorityOf, EXAMPLE_FILES, ISSUED_CONTEXT, example, issuedFrom, NOW, pairs } from './helpers.js';

describe('golden examples', () => {
  it('finds the six example requests', () => {
    expect(EXAMPLE_FILES).toHaveLength(6);
  });

  it.each(EXAMPLE_FILES)('%s validates without errors or warnings at its authority', (file) => {
    const outcome = validatePermitRequest(example(file), { authorityCountry: authorityOf(file), now: NOW });
    expect(pairs(outcome.errors)).toEqual([]);
    expect(pairs(outcome.warnings)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  it.each(EXAMPLE_FILES)('%s, issued, validates as a permit signed by its authority', (file) => {
    const country = authorityOf(file);
    const outcome = validatePermit(issuedFrom(file), { issuerCountry: country, ...ISSUED_CONTEXT });
    expect(pairs(outcome.errors)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});
