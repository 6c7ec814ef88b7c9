/**
 * Administration (issue 11 §2, admin role): console users, API tokens, trusted peers and the
 * trust list, and the signing keys. The server refuses all of it to any other role
 * (requireRole 'admin' in src/http/routes/users.ts, tokens.ts, exchange.ts, keys.ts).
 */
import { useMessages } from '../../i18n.js';
import { ADMIN_MESSAGES } from './messages.js';
import { Tokens } from './Tokens.js';
import { Trust } from './Trust.js';
import { Keys } from './Keys.js';
import { Users } from './Users.js';
import './admin.css';

export default function Admin() {
  const t = useMessages(ADMIN_MESSAGES);
  return (
    <>
      <h1 id="screen-title">{t.title}</h1>
      <Users />
      <Tokens />
      <Trust />
      <Keys />
    </>
  );
}
