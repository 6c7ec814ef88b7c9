/**
 * The permit box by box, as the CITES form numbers them (Res. Conf. 12.3 (Rev. CoP19)
 * Annex 2), with the printed form's own labels (src/print/labels.ts) and each code's
 * meaning from the shared code tables (src/permit/tables/code-names.ts), in the chosen
 * language. Each value has the id box-<n> (box-<block>-<n> in a block) for tests and links.
 */
import type { ComponentChildren } from 'preact';
import type { Permit, Party } from '../../../../src/permit/model.js';
import { codeName, countryName, type CodeTable } from '../../../../src/permit/tables/code-names.js';
import { FORM_LABELS } from '../../../../src/print/labels.js';
import { useLang } from '../../i18n.js';

type Lang = 'en' | 'fr' | 'es';

/** "S – Scientific": the code as printed, then what it means. */
export function coded(table: CodeTable, code: string, lang: Lang): string {
  const meaning = codeName(table, code, lang);
  return meaning === undefined ? code : `${code} – ${meaning}`;
}

function Box({ n, label, children, id }: { n: string; label: string; children: ComponentChildren; id?: string }) {
  return (
    <div class="box">
      <dt>
        <span class="box-n">{n}.</span> {label}
      </dt>
      <dd id={id ?? `box-${n}`}>{children}</dd>
    </div>
  );
}

function PartyLines({ party, lang, withCountry }: { party: Party; lang: Lang; withCountry: boolean }) {
  return (
    <>
      <span class="line">{party.name}</span>
      <span class="line">{party.address}</span>
      {withCountry && <span class="line">{countryName(party.country, lang)}</span>}
    </>
  );
}

export function Boxes({ permit }: { permit: Permit }) {
  const lang = useLang();
  const l = FORM_LABELS[lang];
  const sep = l.colon;
  const conditions = [
    ...(permit.specialConditions ?? []),
    ...(permit.importPermit ? [l.importPermit(permit.importPermit.permitNumber)] : []),
    ...(permit.replaces ? [l.replaces(permit.replaces.permitNumber, l.replacementReasons[permit.replaces.reason])] : []),
  ];
  const ma = permit.managementAuthority;
  return (
    <>
      <dl class="boxes">
        <Box n="1" label={`${l.permitNo} (${l.documentTypes[permit.documentType]})`}>{permit.permitNumber}</Box>
        <Box n="2" label={l.validUntil}>{permit.validUntil}</Box>
        <Box n="3" label={l.importer}>
          <PartyLines party={permit.importer} lang={lang} withCountry={false} />
        </Box>
        <Box n="3a" label={l.countryOfImport}>{countryName(permit.importer.country, lang)}</Box>
        <Box n="4" label={l.exporter}>
          <PartyLines party={permit.exporter} lang={lang} withCountry />
        </Box>
        <Box n="5" label={l.specialConditions}>
          {conditions.length === 0 ? '—' : conditions.map((c) => <span class="line" key={c}>{c}</span>)}
        </Box>
        <Box n="5a" label={l.purpose}>{coded('purpose', permit.purpose, lang)}</Box>
        <Box n="5b" label={l.securityStampNo}>{permit.securityStampNumber ?? '—'}</Box>
        <Box n="6" label={l.managementAuthority}>
          <span class="line">{ma.name}</span>
          {ma.address && <span class="line">{ma.address}</span>}
          <span class="line">{countryName(ma.country, lang)}</span>
          <span class="line did">
            {l.did}
            {sep}
            {ma.did}
          </span>
        </Box>
      </dl>
      {permit.specimens.map((s) => {
        const b = s.block;
        const id = (n: string) => `box-${b}-${n}`;
        return (
          <section class="block" key={b} aria-labelledby={`block-${b}`}>
            <h3 id={`block-${b}`}>
              {l.block} {b}
            </h3>
            <dl class="boxes">
              <Box n="7/8" id={id('7')} label={`${l.scientificName} / ${l.commonName}`}>
                <i>{s.scientificName}</i>
                {s.commonName && ` (${s.commonName})`}
              </Box>
              <Box n="9" id={id('9')} label={l.description}>
                <span class="line">{s.description}</span>
                <span class="line">
                  {l.term}
                  {sep}
                  {coded('term', s.term, lang)}
                </span>
                {s.marks && (
                  <span class="line">
                    {l.marks}
                    {sep}
                    {s.marks}
                  </span>
                )}
              </Box>
              <Box n="10" id={id('10')} label={l.appendixAndSource}>
                <span class="line">
                  {l.appendix}
                  {sep}
                  {s.appendix}
                </span>
                <span class="line">
                  {l.source}
                  {sep}
                  {coded('source', s.source, lang)}
                </span>
              </Box>
              <Box n="11" id={id('11')} label={l.quantity}>
                {s.quantity} {coded('unit', s.unit, lang)}
              </Box>
              {s.quota && (
                <Box n="11a" id={id('11a')} label={l.quota}>
                  {s.quota.exportedToDate} / {s.quota.annual}
                  {s.quota.unit && ` ${s.quota.unit}`}
                </Box>
              )}
              {s.origin && (
                <Box n="12" id={id('12')} label={l.countryOfOrigin}>
                  {[countryName(s.origin.country, lang), s.origin.permitNumber, s.origin.date].filter(Boolean).join(', ')}
                </Box>
              )}
              {s.lastReExport && (
                <Box n="12a" id={id('12a')} label={l.lastReExport}>
                  {[countryName(s.lastReExport.country, lang), s.lastReExport.certificateNumber, s.lastReExport.date].join(', ')}
                </Box>
              )}
              {(s.operationNumber || s.acquisitionDate) && (
                <Box n="12b" id={id('12b')} label={l.operationOrAcquisition}>
                  {s.operationNumber ? `${l.operationNumber}${sep}${s.operationNumber}` : `${l.acquisitionDate}${sep}${s.acquisitionDate}`}
                </Box>
              )}
            </dl>
          </section>
        );
      })}
      <dl class="boxes">
        <Box n="13" label={l.issuedBy}>
          <span class="line">
            {l.place}
            {sep}
            {permit.issued.place}
          </span>
          <span class="line">
            {l.date}
            {sep}
            {permit.issued.date}
          </span>
          <span class="line">
            {l.signatory}
            {sep}
            {permit.issued.signatory}
          </span>
        </Box>
      </dl>
    </>
  );
}
