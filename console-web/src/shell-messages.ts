/** The shell's words: navigation, language, sign-out and the screens every role may meet. */
import type { Messages } from './i18n.js';
import type { ScreenId } from './screens.js';

export interface ShellText {
  product: string;
  skipToContent: string;
  nav: string;
  screens: Record<ScreenId, string>;
  language: string;
  signedInAs: string;
  signOut: string;
  notAllowedTitle: string;
  notAllowed: string;
  notFoundTitle: string;
  notFound: string;
  loading: string;
  sessionEnded: string;
  roles: Record<'officer' | 'customs' | 'admin', string>;
}

export const SHELL_MESSAGES: Messages<ShellText> = {
  en: {
    product: 'Saiga · CITES permits',
    skipToContent: 'Skip to content',
    nav: 'Main',
    screens: { dashboard: 'Dashboard', issue: 'Issue a permit', permits: 'Permits', permit: 'Permit', customs: 'Customs', admin: 'Administration' },
    language: 'Language',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    notAllowedTitle: 'Not for your role',
    notAllowed: 'This screen is not open to your role. Ask an administrator if you need it.',
    notFoundTitle: 'Nothing here',
    notFound: 'There is no screen at this address.',
    loading: 'Loading…',
    sessionEnded: 'Your session has ended. Sign in again to go on.',
    roles: { officer: 'Permit officer', customs: 'Customs officer', admin: 'Administrator' },
  },
  fr: {
    product: 'Saiga · permis CITES',
    skipToContent: 'Aller au contenu',
    nav: 'Principal',
    screens: { dashboard: 'Tableau de bord', issue: 'Délivrer un permis', permits: 'Permis', permit: 'Permis', customs: 'Douane', admin: 'Administration' },
    language: 'Langue',
    signedInAs: 'Connecté en tant que',
    signOut: 'Se déconnecter',
    notAllowedTitle: 'Pas pour votre rôle',
    notAllowed: "Cet écran n'est pas ouvert à votre rôle. Demandez à un administrateur si vous en avez besoin.",
    notFoundTitle: 'Rien ici',
    notFound: "Il n'y a pas d'écran à cette adresse.",
    loading: 'Chargement…',
    sessionEnded: 'Votre session a pris fin. Connectez-vous à nouveau pour continuer.',
    roles: { officer: 'Agent des permis', customs: 'Agent des douanes', admin: 'Administrateur' },
  },
  es: {
    product: 'Saiga · permisos CITES',
    skipToContent: 'Ir al contenido',
    nav: 'Principal',
    screens: { dashboard: 'Panel', issue: 'Expedir un permiso', permits: 'Permisos', permit: 'Permiso', customs: 'Aduanas', admin: 'Administración' },
    language: 'Idioma',
    signedInAs: 'Sesión iniciada como',
    signOut: 'Cerrar sesión',
    notAllowedTitle: 'No para su función',
    notAllowed: 'Esta pantalla no está abierta a su función. Pida acceso a un administrador si lo necesita.',
    notFoundTitle: 'Nada aquí',
    notFound: 'No hay ninguna pantalla en esta dirección.',
    loading: 'Cargando…',
    sessionEnded: 'Su sesión ha terminado. Inicie sesión de nuevo para continuar.',
    roles: { officer: 'Oficial de permisos', customs: 'Oficial de aduanas', admin: 'Administrador' },
  },
};
