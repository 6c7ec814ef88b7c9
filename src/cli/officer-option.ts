/** The CLI's `--officer NAME` option, shared by the commands whose actions the audit trail names. */
import { checkHolderName } from '../auth/token-input.js';
import { UsageError } from './output.js';

/**
 * `--officer NAME`: the person who rotates or revokes a key or re-queues a message, named in the audit trail (Decision
 * 18.125(e): each person who processed or altered); without it the entry names the command
 * line's operator.
 */
export function officerOf(name: string | undefined): { name: string } | undefined {
  if (name === undefined) return undefined;
  const checked = checkHolderName(name, 'officer', '--officer');
  if (!checked.ok) throw new UsageError(`--officer: ${checked.issue.message}`);
  return { name: checked.name };
}
