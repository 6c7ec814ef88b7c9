/**
 * The console's shell: it reads the session (a reloaded page keeps it), shows sign-in when
 * there is none, and otherwise the navigation of the user's role, the language switch,
 * sign-out and the screen at the address. Screens are listed in screens.ts.
 */
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, whenSessionLost } from './api.js';
import { initialLang, keepLang, LangContext, LANGS, LANGUAGE_NAMES, useMessages, type Lang } from './i18n.js';
import { homeOf, SCREENS } from './screens.js';
import { SignIn } from './screens/sign-in/SignIn.js';
import { SessionContext, type Session } from './session.js';
import { SHELL_MESSAGES } from './shell-messages.js';

type SessionState = { kind: 'loading' } | { kind: 'none'; ended?: boolean } | { kind: 'in'; session: Session };

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    document.documentElement.lang = lang;
    keepLang(lang);
  }, [lang]);

  useEffect(() => {
    whenSessionLost(() => {
      setCsrfToken(undefined);
      setState({ kind: 'none', ended: true });
    });
    void api<Session>('GET', '/api/session').then((result) => {
      if (result.ok) {
        setCsrfToken(result.body.csrfToken);
        setState({ kind: 'in', session: result.body });
      } else setState({ kind: 'none' });
    });
  }, []);

  return (
    <LangContext.Provider value={lang}>
      <LocationProvider>
        <Shell state={state} setState={setState} lang={lang} setLang={setLang} />
      </LocationProvider>
    </LangContext.Provider>
  );
}

function Shell({ state, setState, lang, setLang }: { state: SessionState; setState: (s: SessionState) => void; lang: Lang; setLang: (l: Lang) => void }) {
  const t = useMessages(SHELL_MESSAGES);
  const location = useLocation();
  const session = state.kind === 'in' ? state.session : undefined;

  const signedIn = (next: Session) => {
    setCsrfToken(next.csrfToken);
    setState({ kind: 'in', session: next });
    location.route(homeOf(next.user.role));
  };
  const signOut = async () => {
    await api('DELETE', '/api/session');
    setCsrfToken(undefined);
    setState({ kind: 'none' });
    location.route('/console/');
  };

  return (
    <>
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header class="bar">
        <span class="product">{t.product}</span>
        {session && (
          <nav aria-label={t.nav}>
            <ul>
              {SCREENS.filter((s) => s.inNav && s.roles.includes(session.user.role)).map((s) => (
                <li key={s.id}>
                  <a href={s.path} aria-current={location.path === s.path ? 'page' : undefined} data-screen={s.id}>
                    {t.screens[s.id]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div class="bar-end">
          <label for="lang">{t.language}</label>
          <select id="lang" value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          {session && (
            <>
              <span class="who" id="who" data-role={session.user.role}>
                {t.signedInAs} {session.user.displayName} ({t.roles[session.user.role]})
              </span>
              <button type="button" id="sign-out" onClick={signOut}>
                {t.signOut}
              </button>
            </>
          )}
        </div>
      </header>
      {state.kind === 'loading' && (
        <main id="main">
          <p role="status">{t.loading}</p>
        </main>
      )}
      {state.kind === 'none' && <SignIn onSignedIn={signedIn} notice={state.ended ? t.sessionEnded : undefined} />}
      {session && (
        <SessionContext.Provider value={session}>
          <ErrorBoundary>
            <Router>
              {[
                ...SCREENS.map((s) => <Route key={s.id} path={s.path} component={s.roles.includes(session.user.role) ? WRAPPED.get(s.id)! : NotAllowed} />),
                <Route key="fallback" default component={NotFound} />,
              ]}
            </Router>
          </ErrorBoundary>
        </SessionContext.Provider>
      )}
    </>
  );
}

/** Every screen sits in the page's one <main>, named by its heading (#screen-title). */
const Allowed = (Component: (props: Record<string, unknown>) => unknown) =>
  function AllowedScreen(props: Record<string, unknown>) {
    return (
      <main id="main" aria-labelledby="screen-title">
        {/* @ts-expect-error lazy components take the route's props */}
        <Component {...props} />
      </main>
    );
  };

/** Made once, so a screen keeps its state across the shell's renders. */
const WRAPPED = new Map(SCREENS.map((s) => [s.id, Allowed(s.component as never)]));

function NotAllowed() {
  const t = useMessages(SHELL_MESSAGES);
  return (
    <main id="main" aria-labelledby="screen-title" data-refused="role">
      <h1 id="screen-title">{t.notAllowedTitle}</h1>
      <p>{t.notAllowed}</p>
    </main>
  );
}

function NotFound() {
  const t = useMessages(SHELL_MESSAGES);
  return (
    <main id="main" aria-labelledby="screen-title">
      <h1 id="screen-title">{t.notFoundTitle}</h1>
      <p>{t.notFound}</p>
    </main>
  );
}
