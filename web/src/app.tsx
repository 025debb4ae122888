import { useEffect, useState } from 'preact/hooks';
import { NavBar } from './components/nav-bar.tsx';
import { CatalogPage } from './pages/catalog-page.tsx';
import { DispatchPage } from './pages/dispatch-page.tsx';
import { RunPage } from './pages/run-page.tsx';
import { ScenariosPage } from './pages/scenarios-page.tsx';
import { SitesPage } from './pages/sites-page.tsx';
import { parseRoute, type Route } from './route.ts';

/** The dashboard: a top bar and the page the URL hash names. */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (
    <>
      <NavBar route={route} />
      <main>
        {route.page === 'scenarios' ? (
          <ScenariosPage scenarioId={route.scenarioId} />
        ) : route.page === 'sites' ? (
          <SitesPage siteId={route.siteId} />
        ) : route.page === 'run' ? (
          <RunPage runId={route.runId} />
        ) : route.page === 'dispatch' ? (
          <DispatchPage siteId={route.siteId} />
        ) : (
          <CatalogPage tab={route.tab} />
        )}
      </main>
    </>
  );
}
