/**
 * Issue 10 §2 security: XML bombs and external entities are refused before any parsing
 * (XML_DOCTYPE_REFUSED: no DTD, no entity declared, nothing fetched), as are documents over the
 * size limit and nesting deeper than a permit needs; nothing crashes (OWASP XXE Prevention).
 */
import { describe, expect, it } from 'vitest';
import { MAX_XML_BYTES, MAX_XML_DEPTH } from '../../src/toolkit-xml/namespaces.js';
import { readToolkitPermit } from '../../src/toolkit-xml/read-permit.js';
import { parseXmlSafely } from '../../src/toolkit-xml/safe-parse.js';
import { fixture } from './helpers.js';

const refusal = (input: string | Uint8Array) => readToolkitPermit(input).findings.map((f) => [f.code, f.path, f.line, f.column]);

describe('XML bombs and external entities', () => {
  it.each(['bomb-billion-laughs.xml', 'bomb-quadratic-blowup.xml', 'bomb-external-entity.xml', 'bomb-external-dtd.xml'])('%s is refused at its DOCTYPE, with no entity expanded', (name) => {
    const reading = readToolkitPermit(fixture(name));
    expect(reading.ok).toBe(false);
    expect(reading.request).toBeUndefined();
    expect(refusal(fixture(name))).toEqual([['XML_DOCTYPE_REFUSED', '/', 2, 1]]);
  });

  it('refuses a DOCTYPE anywhere, even in a comment, and an entity declaration without one', () => {
    expect(refusal('<?xml version="1.0"?><!-- <!DOCTYPE x> --><r/>')[0]![0]).toBe('XML_DOCTYPE_REFUSED');
    expect(refusal('<r><!ENTITY e "x"></r>')[0]![0]).toBe('XML_DOCTYPE_REFUSED');
    expect(refusal('<r>\n <a/>\n<!doctype r></r>')).toEqual([['XML_DOCTYPE_REFUSED', '/', 3, 1]]);
  });

  it('decodes only what XML predefines: the five entities and character references', () => {
    const parsed = parseXmlSafely('<r a="&quot;x&quot;">&lt;&amp;&gt;&apos; &#233;&#x41;</r>');
    expect(parsed.ok && [parsed.root.text, parsed.root.attrs.a]).toEqual(["<&>' éA", '"x"']);
    // CDATA stands as written: no reference in it is decoded, and a bare & is allowed.
    const cdata = parseXmlSafely('<r><![CDATA[AT&T <b> &amp;]]></r>');
    expect(cdata.ok && cdata.root.text).toBe('AT&T <b> &amp;');
    for (const bad of ['<r>&nbsp;</r>', '<r>&#0;</r>', '<r>&#xD800;</r>', '<r a="&e;"/>']) expect(refusal(bad)[0]![0]).toBe('XML_MALFORMED');
  });
});

describe('limits', () => {
  it(`refuses a document over ${MAX_XML_BYTES} bytes before parsing it`, () => {
    const big = `<r>${'a'.repeat(MAX_XML_BYTES)}</r>`;
    expect(refusal(big)).toEqual([['XML_TOO_LARGE', '/', undefined, undefined]]);
    expect(refusal(new TextEncoder().encode(big))[0]![0]).toBe('XML_TOO_LARGE');
  });

  it(`refuses nesting deeper than ${MAX_XML_DEPTH} levels, and a parser overflow deeper still, without crashing`, () => {
    const deep = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(refusal(deep(MAX_XML_DEPTH + 1))[0]!.slice(0, 1)).toEqual(['XML_TOO_DEEP']);
    expect(refusal(deep(100_000))[0]![0]).toMatch(/^XML_(TOO_DEEP|MALFORMED)$/);
  });

  it('refuses what is not XML, or has two roots, or none', () => {
    expect(refusal('{"documentType":"export"}')[0]![0]).toBe('XML_MALFORMED');
    expect(refusal('<a/><b/>')[0]![0]).toBe('XML_MALFORMED');
    expect(refusal('')[0]![0]).toBe('XML_MALFORMED');
  });

  it('refuses a document of another kind with its root named', () => {
    expect(readToolkitPermit('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>').findings.map((f) => [f.code, f.path, f.message])).toEqual([
      ['XML_NOT_TOOLKIT', '/Invoice', expect.stringContaining('"Invoice" in "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')],
    ]);
  });
});
