import type { Messages } from '../../i18n.js';

export interface SignInText {
  title: string;
  intro: string;
  username: string;
  password: string;
  totp: string;
  totpHint: string;
  submit: string;
  signingIn: string;
  failed: string;
  locked: string;
  tooMany: string;
  network: string;
}

export const SIGN_IN_MESSAGES: Messages<SignInText> = {
  en: {
    title: 'Sign in',
    intro: 'Sign in with your personal account. Permit officers, customs officers and administrators each see their own screens.',
    username: 'Username',
    password: 'Password',
    totp: 'One-time code',
    totpHint: 'The six digits from your authenticator app, if your account has one.',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    failed: 'The username, password or code is not right, or the account is locked for a while after too many failures.',
    locked: 'Too many failed attempts: the account is locked for a while.',
    tooMany: 'Too many sign-in attempts from this device. Wait a few minutes and try again.',
    network: 'The agent could not be reached. Check the connection and try again.',
  },
  fr: {
    title: 'Connexion',
    intro: 'Connectez-vous avec votre compte personnel. Les agents des permis, les douaniers et les administrateurs ont chacun leurs écrans.',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    totp: 'Code à usage unique',
    totpHint: "Les six chiffres de votre application d'authentification, si votre compte en a une.",
    submit: 'Se connecter',
    signingIn: 'Connexion…',
    failed: "Le nom d'utilisateur, le mot de passe ou le code n'est pas correct, ou le compte est bloqué un moment après trop d'échecs.",
    locked: "Trop d'échecs : le compte est bloqué un moment.",
    tooMany: 'Trop de tentatives depuis cet appareil. Attendez quelques minutes et réessayez.',
    network: "L'agent est injoignable. Vérifiez la connexion et réessayez.",
  },
  es: {
    title: 'Iniciar sesión',
    intro: 'Inicie sesión con su cuenta personal. Los oficiales de permisos, los de aduanas y los administradores ven cada uno sus pantallas.',
    username: 'Usuario',
    password: 'Contraseña',
    totp: 'Código de un solo uso',
    totpHint: 'Los seis dígitos de su aplicación de autenticación, si su cuenta la tiene.',
    submit: 'Iniciar sesión',
    signingIn: 'Iniciando sesión…',
    failed: 'El usuario, la contraseña o el código no son correctos, o la cuenta está bloqueada un tiempo tras demasiados fallos.',
    locked: 'Demasiados intentos fallidos: la cuenta está bloqueada un tiempo.',
    tooMany: 'Demasiados intentos desde este dispositivo. Espere unos minutos y vuelva a intentarlo.',
    network: 'No se pudo contactar con el agente. Compruebe la conexión y vuelva a intentarlo.',
  },
};
