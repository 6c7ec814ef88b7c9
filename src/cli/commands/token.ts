import { openAgent } from '../../agent/open.js';
import { ROLES, type Role } from '../../auth/tokens.js';
import { EXIT, UsageError, type Output } from '../output.js';

/** `saiga token create --role R --name NAME`: prints the token once; only its hash is stored. */
export async function tokenCreateCommand(options: { config: string; role?: string; name?: string }, out: Output): Promise<number> {
  if (!options.role || !ROLES.includes(options.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!options.name || options.name.trim() === '') {
    throw new UsageError('--name is required: the person the token belongs to (an officer\'s name is printed as signatory in box 13)');
  }
  const saiga = await openAgent({ configPath: options.config });
  try {
    const { token, record } = await saiga.tokens.create(options.role as Role, options.name.trim());
    out.result({ ...record, token }, () => [
      `Created a ${record.role} token for ${record.name}. It is shown this once; keep it safe:`,
      '',
      `  ${token}`,
    ]);
    return EXIT.OK;
  } finally {
    await saiga.close();
  }
}
