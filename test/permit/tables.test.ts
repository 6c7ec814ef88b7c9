import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PERMIT_REQUEST_SCHEMA, PERMIT_SCHEMA, PERMIT_SUBJECT_SCHEMA_V1, permitSchema, type JsonSchema } from '../../src/permit/schema.js';
import {
  APPENDIX_CODES,
  CITES_EXTRA_COUNTRIES,
  HISTORICAL_TERMS,
  HISTORICAL_UNITS,
  ISO_COUNTRIES,
  PURPOSE_CODES,
  SOURCES,
  TERMS,
  UNIT_CODES,
  findTerm,
} from '../../src/permit/tables/index.js';

describe('code tables', () => {
  it('hold the 91 current term codes, each once, none of them historical', () => {
    const codes = TERMS.map((t) => t.code);
    expect(codes).toHaveLength(91);
    expect(new Set(codes).size).toBe(91);
    for (const h of HISTORICAL_TERMS) expect(codes).not.toContain(h.code);
  });

  it('pair every term only with current units and known purpose letters', () => {
    for (const term of TERMS) {
      for (const unit of term.units ?? []) expect(UNIT_CODES).toContain(unit);
      for (const letter of term.purposes ?? '') expect(PURPOSE_CODES).toContain(letter);
      expect(term.units === null).toBe(term.purposes === null);
    }
  });

  it('transcribe sample rows of §5.4 exactly', () => {
    expect(findTerm('LIV')).toEqual({ code: 'LIV', description: 'Live', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'BEGLMNPQSTZ' });
    expect(findTerm('DER')?.units).toEqual(['NAR', 'KGM', 'GRM', 'LTR', 'MLT', 'MTR', 'CMQ', 'MTK', 'MTQ']);
    expect(findTerm('GIL')).toEqual({ code: 'GIL', description: 'Gill plates', since: 2017, units: ['KGM', 'GRM', 'MTK'], purposes: 'ELMPQST' });
    expect(findTerm('TRO')?.purposes).toBe('HLPT');
    expect(findTerm('KNL')).toEqual({ code: 'KNL', description: 'Kernel', since: 2021, units: null, purposes: null });
    expect(TERMS.filter((t) => t.units === null).map((t) => t.code)).toEqual(['ESH', 'KNL', 'TRW', 'TRU']);
  });

  it('keep historical units apart from the current Rec. 20 units', () => {
    expect(UNIT_CODES).toEqual(['NAR', 'KGM', 'GRM', 'LTR', 'MLT', 'MTR', 'CMQ', 'MTK', 'MTQ']);
    for (const h of HISTORICAL_UNITS) {
      expect(UNIT_CODES).not.toContain(h.code);
      if (h.useInstead) expect(UNIT_CODES).toContain(h.useInstead);
    }
    expect(HISTORICAL_UNITS.map((u) => u.code)).toContain('PCS');
  });

  it('list appendices, purposes and sources with their meanings', () => {
    expect(APPENDIX_CODES).toEqual(['I', 'II', 'III']);
    expect(PURPOSE_CODES).toEqual(['B', 'E', 'G', 'H', 'L', 'M', 'N', 'P', 'Q', 'S', 'T', 'Z']);
    expect(SOURCES.map((s) => s.code).sort()).toEqual(['A', 'C', 'D', 'F', 'I', 'O', 'R', 'U', 'W', 'X', 'Y']);
    expect(SOURCES.find((s) => s.code === 'A')?.kingdom).toBe('plants');
    expect(SOURCES.find((s) => s.code === 'C')?.kingdom).toBe('animals');
  });

  it('name the 249 ISO countries in English, French and Spanish', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    const ch = ISO_COUNTRIES.find((c) => c.code === 'CH');
    expect(ch).toEqual({ code: 'CH', en: 'Switzerland', fr: 'Suisse', es: 'Suiza' });
    for (const c of ISO_COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.en && c.fr && c.es).toBeTruthy();
      expect(c.extra).toBeUndefined();
    }
    expect(ISO_COUNTRIES.map((c) => c.code)).not.toContain('XK');
  });

  it('flag the CITES extras, which are not ISO countries', () => {
    expect(CITES_EXTRA_COUNTRIES.map((c) => c.code).sort()).toEqual(['EU', 'HS', 'XV', 'XX']);
    for (const c of CITES_EXTRA_COUNTRIES) {
      expect(c.extra).toBe(true);
      expect(ISO_COUNTRIES.map((i) => i.code)).not.toContain(c.code);
    }
  });
});

/** Every object schema in a schema tree. */
function objectSchemas(schema: unknown, found: JsonSchema[] = []): JsonSchema[] {
  if (Array.isArray(schema)) schema.forEach((s) => objectSchemas(s, found));
  else if (schema && typeof schema === 'object') {
    const s = schema as JsonSchema;
    if (s['type'] === 'object') found.push(s);
    Object.values(s).forEach((v) => objectSchemas(v, found));
  }
  return found;
}

describe('schemas', () => {
  it('are draft 2020-12, closed everywhere and self-contained', () => {
    for (const schema of [PERMIT_REQUEST_SCHEMA, PERMIT_SCHEMA]) {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      const objects = objectSchemas(schema);
      expect(objects.length).toBeGreaterThan(5);
      for (const o of objects) expect(o['additionalProperties']).toBe(false);
      expect(JSON.stringify(schema)).not.toContain('$ref');
    }
  });

  it('document the allowed codes as enums from the tables', () => {
    const specimen = ((PERMIT_REQUEST_SCHEMA['properties'] as any).specimens.items as any).properties;
    expect(specimen.term.enum).toEqual(TERMS.map((t) => t.code));
    expect(specimen.unit.enum).toEqual(UNIT_CODES);
    expect(specimen.origin.properties.country.enum).toContain('XX');
    expect((PERMIT_REQUEST_SCHEMA['properties'] as any).importer.properties.country.enum).not.toContain('XX');
  });

  it('require the issued fields and block letters on a permit only', () => {
    expect(PERMIT_SCHEMA['required']).toEqual(expect.arrayContaining(['permitNumber', 'issuance', 'specimens']));
    // Box 2, box 13's date and box 6 are the credential's expirationDate, issuanceDate and issuer.
    expect(Object.keys(PERMIT_SCHEMA['properties'] as object)).not.toEqual(expect.arrayContaining(['validUntil']));
    expect(Object.keys(PERMIT_SCHEMA['properties'] as object)).not.toContain('managementAuthority');
    expect(Object.keys((PERMIT_SCHEMA['properties'] as any).issuance.properties)).toEqual(['place', 'signatory']);
    expect((PERMIT_SCHEMA['properties'] as any).specimens.items.required).toContain('block');
    expect(PERMIT_REQUEST_SCHEMA['required']).not.toContain('validUntil');
  });

  it('permitSchema sets $id on a copy of subject schema version 1', () => {
    const published = permitSchema('https://cites.lk.example/schemas/permit.json');
    expect(published['$id']).toBe('https://cites.lk.example/schemas/permit.json');
    expect(PERMIT_SUBJECT_SCHEMA_V1['$id']).toBeUndefined();
    expect({ ...published, $id: undefined }).toEqual({ ...PERMIT_SUBJECT_SCHEMA_V1, $id: undefined });
  });

  it('subject schema version 1 names box 13 `issued`, as permits issued before name it; the signed subject now names it `issuance`', () => {
    const v1 = PERMIT_SUBJECT_SCHEMA_V1['properties'] as Record<string, unknown>;
    const now = PERMIT_SCHEMA['properties'] as Record<string, unknown>;
    expect(Object.keys(v1)).toContain('issued');
    expect(Object.keys(v1)).not.toContain('issuance');
    expect(Object.keys(now)).toContain('issuance');
    expect(Object.keys(now)).not.toContain('issued');
    expect(PERMIT_SUBJECT_SCHEMA_V1['required']).toContain('issued');
    const { issued, ...v1Rest } = v1;
    const { issuance, ...nowRest } = now;
    expect(issued).toEqual(issuance);
    expect(v1Rest).toEqual(nowRest);
  });
});

describe('browser safety', () => {
  const root = fileURLToPath(new URL('../../src/permit/', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });

  it.each(files(root).map((f) => [f.slice(root.length), f]))('%s uses no Node modules or globals', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:/);
    expect(source).not.toMatch(/\b(require\(|process\.|Buffer\b|__dirname|__filename)/);
    expect(source).not.toContain('/work/shared');
  });
});
