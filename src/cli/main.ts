#!/usr/bin/env node
/**
 * `saiga`: the command line of a Saiga agent. Every command takes --config PATH
 * (default ./agent.yml) and --json for machine-readable output.
 */
import { parseArgs } from 'node:util';
import { createOutput, EXIT, UsageError, type Output } from './output.js';

// Each command's module is loaded when that command runs: `saiga verify` never loads
// Veramo, TypeORM, pdfkit or express, and `saiga permit list` answers in a few
// hundred milliseconds (measured by `npm run bench`).
const commands = {
  init: () => import('./commands/init.js'),
  serve: () => import('./commands/serve.js'),
  permit: () => import('./commands/permit.js'),
  verify: () => import('./commands/verify.js'),
  token: () => import('./commands/token.js'),
  user: () => import('./commands/user.js'),
  trustList: () => import('./commands/trust-list.js'),
  lifecycle: () => import('./commands/lifecycle.js'),
  key: () => import('./commands/key.js'),
  exchange: () => import('./commands/exchange.js'),
  audit: () => import('./commands/audit.js'),
  imports: () => import('./commands/imports.js'),
  importConfirm: () => import('./commands/import-confirm.js'),
  toolkitXml: () => import('./commands/toolkit-xml.js'),
  report: () => import('./commands/report.js'),
  holder: () => import('./commands/holder.js'),
  oid4vci: () => import('./commands/oid4vci.js'),
};

const USAGE = `Usage: saiga <command> [options]   (every command: --config PATH, default ./agent.yml; --json)

  init [--country CC] [--name NAME] [--address TEXT] [--place PLACE] [--url URL] [--did-method web|key] [--new-identity]
                                  write agent.yml if absent and create the authority's DID
  serve --officer NAME [--new-identity]
                                  run the agent (first start creates NAME's officer token and prints it once)
  permit issue FILE (--signatory NAME | --token TOKEN)
                                  issue the permit request in FILE (box 13 names that officer)
  permit show NUMBER              one permit and its credential
  permit list [--limit N] [--offset N] [--document-type T] [--country CC] [--species NAME] [--issued-from D] [--issued-to D]
              [--state valid|used|revoked|suspended|expired]
  permit status NUMBER            state, export endorsement and history of a permit
  permit qr NUMBER [--png FILE | --svg FILE]
                                  the permit's QR text (a verifier link holding the signed permit) and image
  permit pdf NUMBER --out FILE [--lang en|fr|es]
                                  the printed permit (A4 PDF, standard CITES layout)
  permit share NUMBER [--email ADDRESS] [--lang en|fr|es] [--officer NAME]
                                  make a link that gives the permit's holder their permit (printed once)
  permit revoke NUMBER --reason cancelled|lost|stolen|destroyed|replaced|fraud (--officer NAME | --token TOKEN)
  permit suspend NUMBER [--reason TEXT] (--officer NAME | --token TOKEN)
  permit reinstate NUMBER (--officer NAME | --token TOKEN)
  permit offer NUMBER [--holder-link ID] [--officer NAME | --token TOKEN]
                                  offer the permit to a wallet (OpenID4VCI); prints the link and its tx_code once;
                                  with --holder-link, the offer shows on that holder link's page
                                  lift a suspension (revocation is permanent)
  endorse NUMBER --block A=250 [--block B=0 …] --port LOCODE --date YYYY-MM-DD --transport-doc NUMBER (--officer NAME | --token TOKEN)
                                  record the quantities customs saw leave (boxes 14, 15)
  imports list [--state expected|arrived|overdue|revoked|suspended]
                                  permits other authorities sent for import here, and their state
  import confirm NUMBER --issuer DID --block A=250 [--block B=0 …] --port LOCODE --date YYYY-MM-DD (--officer NAME | --token TOKEN)
                                  confirm what arrived under another authority's permit (signed by customs, sent to its issuer)
  verify JWT-LINK-OR-FILE [--at TIME]  verify a permit: JWT, QR link, issued.json or a QR image (exit 0 only when verified)
  trust-list [FILE] [--out OUT] [--valid-days N]
                                  sign a trust list with this agent's trust-anchor DID (default: its own trust)
  token create --role officer|customs|admin --name NAME [--expires 90d|12h|DATE]
                                  create an API token (shown once, with its id)
  token list                      every token: id, role, holder, created, expires, revoked (never the secret)
  token revoke ID                 revoke a token: refused at once, by a running agent too
  user create USERNAME --name NAME --role officer|customs|admin [--totp]
                                  create a console account (password from SAIGA_USER_PASSWORD or typed)
  user list                       every console account (never a hash or secret)
  user disable USERNAME           refuse the account's sign-in and end its sessions
  user reset-password USERNAME    set a new password (SAIGA_USER_PASSWORD or typed), unlock, end sessions
  user reset-totp USERNAME        a new TOTP secret (its otpauth:// URI shown once), end sessions
  key list                        the signing keys of the authority and customs identities, and their states
  key rotate [--identity authority|customs] [--officer NAME]
                                  add a new signing key; it signs from now on (earlier keys still verify what they signed)
  key revoke KID [--compromised-since DATE] [--officer NAME]
                                  take a key out of use (not the last active one); lists what it signed, and what to issue again
  exchange status                 messages to peer authorities per peer: pending, delivered, failed, undeliverable
  exchange retry ID [--officer NAME]  re-queue one message (failed, undeliverable or waiting): sent at the next poll, audited
  exchange lookup --peer DID NUMBER [--out FILE]
                                  a trusted peer's permit as CITES toolkit XML, asked with a DIDJWT signed by this authority
  permit xml NUMBER [--out FILE] [--toolkit-version 1|2]
                                  the permit as CITES toolkit XML (UN/CEFACT CITESEPermit v2, or CBFShip v1)
  permit import-xml FILE [--out FILE]
                                  read a toolkit XML permit (v2 or v1) into a permit request; report what cannot be mapped
  audit verify                    check the audit trail's hash chain and signed checkpoints; names the first entry that does not fit
  audit checkpoint                sign a checkpoint of the audit trail's head now (the agent also does, every N entries and daily)
  audit export [--from DATE] [--to DATE] [--permit NUMBER] [--out FILE]
                                  the audit entries as JSON lines
  audit purge --before DATE (--officer NAME | --token TOKEN)
                                  delete entries older than DATE, refused unless 5 years past every permit's expiry
  report annual --year YYYY --type exporter|importer [--basis actual|issued] [--out FILE] [--format csv|xlsx] [--unused FILE] [--strict]
                                  the CITES annual report (one row per shipment line), its upload checks, and the unused permits
  report mirror --year YYYY --partner CC [--out FILE]
                                  compare, block by block, what this authority and the partner recorded of each shipment
  (--token TOKEN may also come from SAIGA_TOKEN)
`;

const OPTIONS = {
  config: { type: 'string', default: './agent.yml' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  country: { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  place: { type: 'string' },
  url: { type: 'string' },
  'did-method': { type: 'string' },
  officer: { type: 'string' },
  signatory: { type: 'string' },
  role: { type: 'string' },
  at: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  'document-type': { type: 'string' },
  species: { type: 'string' },
  'issued-from': { type: 'string' },
  'issued-to': { type: 'string' },
  reason: { type: 'string' },
  actor: { type: 'string' },
  block: { type: 'string', multiple: true },
  port: { type: 'string' },
  date: { type: 'string' },
  'transport-doc': { type: 'string' },
  issuer: { type: 'string' },
  out: { type: 'string' },
  png: { type: 'string' },
  svg: { type: 'string' },
  lang: { type: 'string' },
  email: { type: 'string' },
  'holder-link': { type: 'string' },
  'valid-days': { type: 'string' },
  token: { type: 'string' },
  expires: { type: 'string' },
  totp: { type: 'boolean', default: false },
  state: { type: 'string' },
  'new-identity': { type: 'boolean', default: false },
  identity: { type: 'string' },
  'compromised-since': { type: 'string' },
  peer: { type: 'string' },
  'toolkit-version': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  permit: { type: 'string' },
  before: { type: 'string' },
  year: { type: 'string' },
  type: { type: 'string' },
  basis: { type: 'string' },
  format: { type: 'string' },
  unused: { type: 'string' },
  strict: { type: 'boolean', default: false },
  partner: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function run(positionals: string[], values: Values, out: Output): Promise<number> {
  const config = values.config!;
  const [command, sub, arg] = positionals;
  switch (command) {
    case 'init':
      return (await commands.init()).initCommand(
        { config, country: values.country, name: values.name, address: values.address, place: values.place, url: values.url, didMethod: values['did-method'], newIdentity: values['new-identity'] },
        out,
      );
    case 'serve':
      return (await commands.serve()).serveCommand({ config, officer: values.officer, newIdentity: values['new-identity'] }, out);
    case 'verify':
      return (await commands.verify()).verifyCommand({ config, input: sub, at: values.at }, out);
    case 'endorse':
      return (await commands.lifecycle()).endorseCommand(
        { config, number: sub, blocks: values.block ?? [], port: values.port, date: values.date, transportDoc: values['transport-doc'], officer: values.officer, token: values.token },
        out,
      );
    case 'imports':
      if (sub === 'list') return (await commands.imports()).importsListCommand({ config, state: values.state }, out);
      break;
    case 'import':
      if (sub === 'confirm') {
        return (await commands.importConfirm()).importConfirmCommand(
          { config, number: arg, issuer: values.issuer, blocks: values.block ?? [], port: values.port, date: values.date, officer: values.officer, token: values.token },
          out,
        );
      }
      break;
    case 'trust-list':
      return (await commands.trustList()).trustListCommand({ config, file: sub, out: values.out, validDays: values['valid-days'] }, out);
    case 'user':
      if (sub === 'create') return (await commands.user()).userCreateCommand({ config, username: arg, name: values.name, role: values.role, totp: values.totp }, out);
      if (sub === 'list') return (await commands.user()).userListCommand({ config }, out);
      if (sub === 'disable') return (await commands.user()).userDisableCommand({ config, username: arg }, out);
      if (sub === 'reset-password') return (await commands.user()).userResetPasswordCommand({ config, username: arg }, out);
      if (sub === 'reset-totp') return (await commands.user()).userResetTotpCommand({ config, username: arg }, out);
      throw new UsageError('usage: saiga user create|list|disable|reset-password|reset-totp …');
    case 'token':
      if (sub === 'create') return (await commands.token()).tokenCreateCommand({ config, role: values.role, name: values.name, expires: values.expires }, out);
      if (sub === 'list') return (await commands.token()).tokenListCommand({ config }, out);
      if (sub === 'revoke') return (await commands.token()).tokenRevokeCommand({ config, id: arg }, out);
      break;
    case 'key':
      if (sub === 'list') return (await commands.key()).keyListCommand({ config }, out);
      if (sub === 'rotate') return (await commands.key()).keyRotateCommand({ config, identity: values.identity, officer: values.officer }, out);
      if (sub === 'revoke') return (await commands.key()).keyRevokeCommand({ config, kid: arg, compromisedSince: values['compromised-since'], officer: values.officer }, out);
      break;
    case 'exchange':
      if (sub === 'status') return (await commands.exchange()).exchangeStatusCommand({ config }, out);
      if (sub === 'retry') return (await commands.exchange()).exchangeRetryCommand({ config, id: arg, officer: values.officer }, out);
      if (sub === 'lookup') return (await commands.toolkitXml()).exchangeLookupCommand({ config, peer: values.peer, number: arg, out: values.out }, out);
      break;
    case 'audit':
      if (sub === 'verify') return (await commands.audit()).auditVerifyCommand({ config }, out);
      if (sub === 'checkpoint') return (await commands.audit()).auditCheckpointCommand({ config }, out);
      if (sub === 'export') return (await commands.audit()).auditExportCommand({ config, from: values.from, to: values.to, permit: values.permit, out: values.out }, out);
      if (sub === 'purge') return (await commands.audit()).auditPurgeCommand({ config, before: values.before, officer: values.officer, token: values.token }, out);
      break;
    case 'report':
      if (sub === 'annual') {
        const { year, type, basis, out: file, format, unused, strict } = values;
        return (await commands.report()).reportAnnualCommand({ config, year, type, basis, out: file, format, unused, strict }, out);
      }
      if (sub === 'mirror') return (await commands.report()).reportMirrorCommand({ config, year: values.year, partner: values.partner, out: values.out }, out);
      break;
    case 'permit':
      if (sub === 'issue') return (await commands.permit()).permitIssueCommand({ config, file: arg, signatory: values.signatory, token: values.token }, out);
      if (sub === 'show') return (await commands.permit()).permitShowCommand({ config, number: arg }, out);
      if (sub === 'status') return (await commands.lifecycle()).permitStatusCommand({ config, number: arg }, out);
      if (sub === 'qr') return (await commands.permit()).permitQrCommand({ config, number: arg, png: values.png, svg: values.svg }, out);
      if (sub === 'xml') return (await commands.toolkitXml()).permitXmlCommand({ config, number: arg, out: values.out, toolkitVersion: values['toolkit-version'] }, out);
      if (sub === 'import-xml') return (await commands.toolkitXml()).permitImportXmlCommand({ config, file: arg, out: values.out }, out);
      // Issue 12 §2: an OpenID4VCI offer of the permit to a wallet.
      if (sub === 'offer') return (await commands.oid4vci()).permitOfferCommand({ config, number: arg, officer: values.officer, token: values.token, holderLink: values['holder-link'] }, out);
      if (sub === 'pdf') return (await commands.permit()).permitPdfCommand({ config, number: arg, out: values.out, lang: values.lang }, out);
      if (sub === 'share') return (await commands.holder()).permitShareCommand({ config, number: arg, email: values.email, lang: values.lang, officer: values.officer }, out);
      if (sub === 'revoke' || sub === 'suspend' || sub === 'reinstate') {
        return (await commands.lifecycle()).statusChangeCommand({ config, action: sub, number: arg, reason: values.reason, officer: values.officer ?? values.actor, token: values.token }, out);
      }
      if (sub === 'list') {
        const query: Record<string, unknown> = {};
        const map = { limit: 'limit', offset: 'offset', 'document-type': 'documentType', country: 'country', species: 'species', 'issued-from': 'issuedFrom', 'issued-to': 'issuedTo', state: 'state' } as const;
        for (const [flag, key] of Object.entries(map)) {
          const value = values[flag as keyof typeof map];
          if (value !== undefined) query[key] = value;
        }
        return (await commands.permit()).permitListCommand({ config, query }, out);
      }
      break;
  }
  throw new UsageError(command ? `unknown command "${positionals.join(' ')}"` : 'no command given');
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(USAGE);
    return positionals.length === 0 && !values.help ? EXIT.USAGE : EXIT.OK;
  }
  const out = createOutput(Boolean(values.json));
  try {
    return await run(positionals, values, out);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const known = error instanceof UsageError || ['CONFIG_INVALID', 'SECRET_INVALID', 'BAD_REQUEST', 'DATABASE_DAMAGED', 'IDENTITY_AT_RISK', 'UNAUTHORIZED'].includes(String(code));
    const message = (error as { details?: { message?: string } }).details?.message ?? (error as Error).message;
    if (values.json) process.stdout.write(`${JSON.stringify({ error: { code: known ? code : 'INTERNAL_ERROR', message } }, null, 2)}\n`);
    else process.stderr.write(`saiga: ${message}\n`);
    if (!known) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
    return EXIT.USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
