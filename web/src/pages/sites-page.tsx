import { routeHash } from '../route.ts';
import { DocumentsPage } from './documents-page.tsx';

/** #/sites[/ID|/new]: the saved sites, the editor of one, and a link to back-test it. */
export function SitesPage({ siteId }: { siteId: string | undefined }) {
  return (
    <DocumentsPage
      kind="sites"
      docId={siteId}
      below={(current) => (
        <section class="card">
          <div class="card-head">
            <h2>Hourly dispatch</h2>
            <a class="button primary" href={routeHash({ page: 'dispatch', siteId: current.id })}>
              Back-test this site
            </a>
          </div>
          <p class="hint">
            Runs the saved site hour by hour on a year of ERCOT day-ahead prices: AI/HPC first, mining when it
            pays.
          </p>
        </section>
      )}
    />
  );
}
