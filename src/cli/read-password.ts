/**
 * The password for `saiga user create` and `user reset-password`: from the environment variable
 * SAIGA_USER_PASSWORD, or typed at a terminal (not echoed, asked twice). Never a command-line
 * argument, which other users of the machine see in the process list and shells keep in history.
 */
import { UsageError } from './output.js';

export const PASSWORD_ENV = 'SAIGA_USER_PASSWORD';

function ask(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          input.off('data', onData);
          input.setRawMode(false);
          input.pause();
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          return reject(new UsageError('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function readNewPassword(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`the password comes from the environment variable ${PASSWORD_ENV} or is typed at a terminal; never give it as an argument`);
  const first = await ask('Password (at least 12 characters): ');
  const again = await ask('The same password again: ');
  if (first !== again) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}
