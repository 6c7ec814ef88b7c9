/** The administration screen's words. */
import type { Messages } from '../../i18n.js';

type RoleId = 'officer' | 'customs' | 'admin';
type KeyIdentity = 'authority' | 'customs';
/** The refusals of the key routes (src/http/routes/keys.ts), said plainly. */
export type KeyRefusal = 'KEY_ROTATION_UNSUPPORTED' | 'LAST_ACTIVE_KEY' | 'KEY_NOT_FOUND' | 'KEY_ALREADY_REVOKED' | 'BAD_REQUEST';

export interface AdminText {
  title: string;
  roles: Record<RoleId, string>;
  refused: string;
  cancel: string;
  yes: string;
  users: string;
  userColumns: { username: string; name: string; role: string; totp: string; created: string; state: string; action: string };
  active: string;
  disabled: (at: string) => string;
  locked: (until: string) => string;
  disable: string;
  confirmDisable: (u: string) => string;
  disabledDone: (u: string) => string;
  newUser: string;
  username: string;
  usernameHint: string;
  displayName: string;
  role: string;
  password: string;
  passwordHint: string;
  totp: string;
  create: string;
  userCreated: (u: string) => string;
  totpUri: string;
  totpUriHint: string;
  tokens: string;
  tokenColumns: { name: string; role: string; created: string; expires: string; state: string; action: string };
  never: string;
  valid: string;
  revokedAt: (at: string) => string;
  revoke: string;
  confirmRevoke: (name: string) => string;
  revokedDone: (name: string) => string;
  newToken: string;
  holder: string;
  holderHint: string;
  expires: string;
  expiresHint: string;
  tokenCreated: (name: string) => string;
  tokenOnce: string;
  trust: string;
  peers: string;
  noPeers: string;
  peerColumns: { name: string; country: string; did: string; pending: string; delivered: string; notDelivered: string };
  trustList: (version: number) => string;
  trustColumns: { name: string; country: string; role: string; dids: string };
  authorityRoles: { managementAuthority: string; customs: string };
  trustReadOnly: string;
  keys: string;
  keysHint: string;
  keyIdentities: Record<KeyIdentity, string>;
  keyColumns: { kid: string; state: string; added: string; revoked: string; compromised: string; action: string };
  keyStates: { current: string; active: string; revoked: string };
  keyBeforeHistory: string;
  rotateKey: string;
  rotateTitle: (identity: string) => string;
  rotateText: string;
  rotated: (kid: string) => string;
  revokeKey: (kid: string) => string;
  revokeKeyTitle: (kid: string) => string;
  revokeKeyText: string;
  compromisedSince: string;
  compromisedHint: string;
  keyRevoked: (kid: string, current: string) => string;
  keyRefusals: Record<KeyRefusal, string>;
  loading: string;
  failed: string;
}

const en: AdminText = {
  title: 'Administration',
  roles: { officer: 'Permit officer', customs: 'Customs officer', admin: 'Administrator' },
  refused: 'Refused:',
  cancel: 'Cancel',
  yes: 'Yes',
  users: 'Console users',
  userColumns: { username: 'Username', name: 'Name', role: 'Role', totp: 'Second factor', created: 'Created (UTC)', state: 'State', action: 'Action' },
  active: 'Active',
  disabled: (at) => `Disabled ${at}`,
  locked: (until) => `Locked until ${until}`,
  disable: 'Disable',
  confirmDisable: (u) => `Disable ${u}? Their sessions end at once.`,
  disabledDone: (u) => `${u} was disabled.`,
  newUser: 'New user',
  username: 'Username',
  usernameHint: '3 to 64 letters, digits or . _ @ -',
  displayName: 'Full name (shown in the audit trail)',
  role: 'Role',
  password: 'Password',
  passwordHint: 'At least 12 characters.',
  totp: 'Require a one-time code (TOTP) at sign-in',
  create: 'Create',
  userCreated: (u) => `The user ${u} was created.`,
  totpUri: 'TOTP setup address',
  totpUriHint: 'Shown once: give it to the user for their authenticator app.',
  tokens: 'API tokens',
  tokenColumns: { name: 'Holder', role: 'Role', created: 'Created (UTC)', expires: 'Expires (UTC)', state: 'State', action: 'Action' },
  never: 'Never',
  valid: 'Valid',
  revokedAt: (at) => `Revoked ${at}`,
  revoke: 'Revoke',
  confirmRevoke: (n) => `Revoke the token of ${n}? It is refused from the next request on.`,
  revokedDone: (n) => `The token of ${n} was revoked.`,
  newToken: 'New token',
  holder: 'Holder (person or system)',
  holderHint: 'An officer’s token signs permits in this name (box 13).',
  expires: 'Expires (optional)',
  expiresHint: 'A lifetime such as 90d or 12h, or a date such as 2027-03-01.',
  tokenCreated: (n) => `The token of ${n} was created.`,
  tokenOnce: 'Copy the token now: it is shown only this once.',
  trust: 'Trust',
  peers: 'Trusted peers (exchange)',
  noPeers: 'No peer is configured.',
  peerColumns: { name: 'Authority', country: 'Country', did: 'DID', pending: 'Pending', delivered: 'Delivered', notDelivered: 'Not delivered' },
  trustList: (v) => `Trust list (version ${v})`,
  trustColumns: { name: 'Authority', country: 'Country', role: 'Role', dids: 'DIDs' },
  authorityRoles: { managementAuthority: 'Management Authority', customs: 'Customs' },
  trustReadOnly: 'Peers and the trust list are set in agent.yml (saiga.trust); the API has no route to change them.',
  keys: 'Signing keys',
  keysHint: 'A new key signs from the moment it is added and is published in the DID document at once. A revoked key stays in the document, so what it signed before still verifies.',
  keyIdentities: { authority: 'Management Authority (permits and status lists)', customs: 'Customs (export endorsements)' },
  keyColumns: { kid: 'Key', state: 'State', added: 'Added (UTC)', revoked: 'Revoked (UTC)', compromised: 'Compromised since (UTC)', action: 'Action' },
  keyStates: { current: 'Current (signs)', active: 'Active', revoked: 'Revoked' },
  keyBeforeHistory: 'Initial key',
  rotateKey: 'Rotate key',
  rotateTitle: (identity) => `Rotate the key of ${identity}?`,
  rotateText: 'A new key is made and signs everything from now on. The earlier keys stay active until you revoke them.',
  rotated: (kid) => `The new key ${kid} signs from now on.`,
  revokeKey: (kid) => `Revoke ${kid}`,
  revokeKeyTitle: (kid) => `Revoke the key ${kid}?`,
  revokeKeyText: 'The key signs nothing more. What it signed before stays valid, unless it was signed after the compromise date you give.',
  compromisedSince: 'Compromised since (optional)',
  compromisedHint: 'Only if the key was stolen or exposed: a date such as 2026-11-30 or a UTC date-time such as 2026-11-30T08:00Z.',
  keyRevoked: (kid, current) => `The key ${kid} was revoked. ${current} signs from now on.`,
  keyRefusals: {
    KEY_ROTATION_UNSUPPORTED: 'This identity is a did:key: its key is the DID itself and cannot be rotated.',
    LAST_ACTIVE_KEY: 'This is the last active key of the identity: rotate first, then revoke it.',
    KEY_NOT_FOUND: 'This key is not one of the agent’s keys.',
    KEY_ALREADY_REVOKED: 'This key was revoked already.',
    BAD_REQUEST: 'The compromise date must be a date (2026-11-30) or a UTC date-time (2026-11-30T08:00Z), not in the future.',
  },
  loading: 'Loading…',
  failed: 'Could not be read.',
};

const fr: AdminText = {
  title: 'Administration',
  roles: { officer: 'Agent des permis', customs: 'Agent des douanes', admin: 'Administrateur' },
  refused: 'Refusé :',
  cancel: 'Annuler',
  yes: 'Oui',
  users: 'Utilisateurs de la console',
  userColumns: { username: 'Identifiant', name: 'Nom', role: 'Rôle', totp: 'Second facteur', created: 'Créé (UTC)', state: 'État', action: 'Action' },
  active: 'Actif',
  disabled: (at) => `Désactivé le ${at}`,
  locked: (until) => `Bloqué jusqu’au ${until}`,
  disable: 'Désactiver',
  confirmDisable: (u) => `Désactiver ${u} ? Ses sessions prennent fin aussitôt.`,
  disabledDone: (u) => `${u} a été désactivé.`,
  newUser: 'Nouvel utilisateur',
  username: 'Identifiant',
  usernameHint: '3 à 64 lettres, chiffres ou . _ @ -',
  displayName: 'Nom complet (inscrit dans la piste d’audit)',
  role: 'Rôle',
  password: 'Mot de passe',
  passwordHint: 'Au moins 12 caractères.',
  totp: 'Exiger un code à usage unique (TOTP) à la connexion',
  create: 'Créer',
  userCreated: (u) => `L’utilisateur ${u} a été créé.`,
  totpUri: 'Adresse de configuration TOTP',
  totpUriHint: 'Affichée une seule fois : remettez-la à l’utilisateur pour son application d’authentification.',
  tokens: 'Jetons d’API',
  tokenColumns: { name: 'Titulaire', role: 'Rôle', created: 'Créé (UTC)', expires: 'Expire (UTC)', state: 'État', action: 'Action' },
  never: 'Jamais',
  valid: 'Valide',
  revokedAt: (at) => `Révoqué le ${at}`,
  revoke: 'Révoquer',
  confirmRevoke: (n) => `Révoquer le jeton de ${n} ? Il est refusé dès la requête suivante.`,
  revokedDone: (n) => `Le jeton de ${n} a été révoqué.`,
  newToken: 'Nouveau jeton',
  holder: 'Titulaire (personne ou système)',
  holderHint: 'Le jeton d’un agent signe les permis à ce nom (case 13).',
  expires: 'Expiration (facultative)',
  expiresHint: 'Une durée comme 90d ou 12h, ou une date comme 2027-03-01.',
  tokenCreated: (n) => `Le jeton de ${n} a été créé.`,
  tokenOnce: 'Copiez le jeton maintenant : il n’est affiché que cette fois.',
  trust: 'Confiance',
  peers: 'Pairs de confiance (échange)',
  noPeers: 'Aucun pair n’est configuré.',
  peerColumns: { name: 'Autorité', country: 'Pays', did: 'DID', pending: 'En attente', delivered: 'Remis', notDelivered: 'Non remis' },
  trustList: (v) => `Liste de confiance (version ${v})`,
  trustColumns: { name: 'Autorité', country: 'Pays', role: 'Rôle', dids: 'DID' },
  authorityRoles: { managementAuthority: 'Organe de gestion', customs: 'Douane' },
  trustReadOnly: 'Les pairs et la liste de confiance se règlent dans agent.yml (saiga.trust) ; l’API n’a pas de route pour les changer.',
  keys: 'Clés de signature',
  keysHint: 'Une nouvelle clé signe dès qu’elle est ajoutée et paraît aussitôt dans le document DID. Une clé révoquée reste dans le document : ce qu’elle a signé auparavant reste vérifiable.',
  keyIdentities: { authority: 'Organe de gestion (permis et listes de statut)', customs: 'Douane (visas d’exportation)' },
  keyColumns: { kid: 'Clé', state: 'État', added: 'Ajoutée (UTC)', revoked: 'Révoquée (UTC)', compromised: 'Compromise depuis (UTC)', action: 'Action' },
  keyStates: { current: 'Actuelle (signe)', active: 'Active', revoked: 'Révoquée' },
  keyBeforeHistory: 'Clé initiale',
  rotateKey: 'Changer de clé',
  rotateTitle: (identity) => `Changer la clé de ${identity} ?`,
  rotateText: 'Une nouvelle clé est créée et signe tout à partir de maintenant. Les clés précédentes restent actives jusqu’à leur révocation.',
  rotated: (kid) => `La nouvelle clé ${kid} signe à partir de maintenant.`,
  revokeKey: (kid) => `Révoquer ${kid}`,
  revokeKeyTitle: (kid) => `Révoquer la clé ${kid} ?`,
  revokeKeyText: 'La clé ne signe plus rien. Ce qu’elle a signé auparavant reste valide, sauf ce qui a été signé après la date de compromission indiquée.',
  compromisedSince: 'Compromise depuis (facultatif)',
  compromisedHint: 'Seulement si la clé a été volée ou divulguée : une date comme 2026-11-30 ou une date-heure UTC comme 2026-11-30T08:00Z.',
  keyRevoked: (kid, current) => `La clé ${kid} a été révoquée. ${current} signe à partir de maintenant.`,
  keyRefusals: {
    KEY_ROTATION_UNSUPPORTED: 'Cette identité est un did:key : sa clé est le DID lui-même et ne peut pas être changée.',
    LAST_ACTIVE_KEY: 'C’est la dernière clé active de l’identité : changez d’abord de clé, puis révoquez-la.',
    KEY_NOT_FOUND: 'Cette clé n’est pas une clé de l’agent.',
    KEY_ALREADY_REVOKED: 'Cette clé a déjà été révoquée.',
    BAD_REQUEST: 'La date de compromission doit être une date (2026-11-30) ou une date-heure UTC (2026-11-30T08:00Z), pas dans le futur.',
  },
  loading: 'Chargement…',
  failed: 'Lecture impossible.',
};

const es: AdminText = {
  title: 'Administración',
  roles: { officer: 'Funcionario de permisos', customs: 'Funcionario de aduanas', admin: 'Administrador' },
  refused: 'Rechazado:',
  cancel: 'Cancelar',
  yes: 'Sí',
  users: 'Usuarios de la consola',
  userColumns: { username: 'Usuario', name: 'Nombre', role: 'Función', totp: 'Segundo factor', created: 'Creado (UTC)', state: 'Estado', action: 'Acción' },
  active: 'Activo',
  disabled: (at) => `Desactivado el ${at}`,
  locked: (until) => `Bloqueado hasta ${until}`,
  disable: 'Desactivar',
  confirmDisable: (u) => `¿Desactivar a ${u}? Sus sesiones terminan de inmediato.`,
  disabledDone: (u) => `${u} fue desactivado.`,
  newUser: 'Nuevo usuario',
  username: 'Usuario',
  usernameHint: 'De 3 a 64 letras, cifras o . _ @ -',
  displayName: 'Nombre completo (figura en la pista de auditoría)',
  role: 'Función',
  password: 'Contraseña',
  passwordHint: 'Al menos 12 caracteres.',
  totp: 'Exigir un código de un solo uso (TOTP) al iniciar sesión',
  create: 'Crear',
  userCreated: (u) => `Se creó el usuario ${u}.`,
  totpUri: 'Dirección de configuración TOTP',
  totpUriHint: 'Se muestra una sola vez: entréguela al usuario para su aplicación de autenticación.',
  tokens: 'Tokens de la API',
  tokenColumns: { name: 'Titular', role: 'Función', created: 'Creado (UTC)', expires: 'Vence (UTC)', state: 'Estado', action: 'Acción' },
  never: 'Nunca',
  valid: 'Válido',
  revokedAt: (at) => `Revocado el ${at}`,
  revoke: 'Revocar',
  confirmRevoke: (n) => `¿Revocar el token de ${n}? Se rechaza desde la siguiente solicitud.`,
  revokedDone: (n) => `Se revocó el token de ${n}.`,
  newToken: 'Nuevo token',
  holder: 'Titular (persona o sistema)',
  holderHint: 'El token de un funcionario firma los permisos con este nombre (casilla 13).',
  expires: 'Vencimiento (opcional)',
  expiresHint: 'Una duración como 90d o 12h, o una fecha como 2027-03-01.',
  tokenCreated: (n) => `Se creó el token de ${n}.`,
  tokenOnce: 'Copie el token ahora: solo se muestra esta vez.',
  trust: 'Confianza',
  peers: 'Pares de confianza (intercambio)',
  noPeers: 'No hay ningún par configurado.',
  peerColumns: { name: 'Autoridad', country: 'País', did: 'DID', pending: 'Pendientes', delivered: 'Entregados', notDelivered: 'No entregados' },
  trustList: (v) => `Lista de confianza (versión ${v})`,
  trustColumns: { name: 'Autoridad', country: 'País', role: 'Función', dids: 'DID' },
  authorityRoles: { managementAuthority: 'Autoridad Administrativa', customs: 'Aduana' },
  trustReadOnly: 'Los pares y la lista de confianza se fijan en agent.yml (saiga.trust); la API no tiene ruta para cambiarlos.',
  keys: 'Claves de firma',
  keysHint: 'Una clave nueva firma desde que se añade y se publica de inmediato en el documento DID. Una clave revocada sigue en el documento, de modo que lo que firmó antes sigue siendo verificable.',
  keyIdentities: { authority: 'Autoridad Administrativa (permisos y listas de estado)', customs: 'Aduana (refrendos de exportación)' },
  keyColumns: { kid: 'Clave', state: 'Estado', added: 'Añadida (UTC)', revoked: 'Revocada (UTC)', compromised: 'Comprometida desde (UTC)', action: 'Acción' },
  keyStates: { current: 'Actual (firma)', active: 'Activa', revoked: 'Revocada' },
  keyBeforeHistory: 'Clave inicial',
  rotateKey: 'Rotar la clave',
  rotateTitle: (identity) => `¿Rotar la clave de ${identity}?`,
  rotateText: 'Se crea una clave nueva que firma todo a partir de ahora. Las claves anteriores siguen activas hasta que las revoque.',
  rotated: (kid) => `La nueva clave ${kid} firma a partir de ahora.`,
  revokeKey: (kid) => `Revocar ${kid}`,
  revokeKeyTitle: (kid) => `¿Revocar la clave ${kid}?`,
  revokeKeyText: 'La clave ya no firma nada. Lo que firmó antes sigue siendo válido, salvo lo firmado después de la fecha de compromiso indicada.',
  compromisedSince: 'Comprometida desde (opcional)',
  compromisedHint: 'Solo si la clave fue robada o expuesta: una fecha como 2026-11-30 o una fecha y hora UTC como 2026-11-30T08:00Z.',
  keyRevoked: (kid, current) => `Se revocó la clave ${kid}. ${current} firma a partir de ahora.`,
  keyRefusals: {
    KEY_ROTATION_UNSUPPORTED: 'Esta identidad es un did:key: su clave es el propio DID y no se puede rotar.',
    LAST_ACTIVE_KEY: 'Es la última clave activa de la identidad: rote primero la clave y después revóquela.',
    KEY_NOT_FOUND: 'Esta clave no es una de las claves del agente.',
    KEY_ALREADY_REVOKED: 'Esta clave ya fue revocada.',
    BAD_REQUEST: 'La fecha de compromiso debe ser una fecha (2026-11-30) o una fecha y hora UTC (2026-11-30T08:00Z), no futura.',
  },
  loading: 'Cargando…',
  failed: 'No se pudo leer.',
};

export const ADMIN_MESSAGES: Messages<AdminText> = { en, fr, es };
