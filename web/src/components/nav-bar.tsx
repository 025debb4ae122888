import type { Route } from '../route.ts';

const LINKS: Array<{ href: string; label: string; page: Route['page'] }> = [
  { href: '#/scenarios', label: 'Scenarios', page: 'scenarios' },
  { href: '#/sites', label: 'Sites', page: 'sites' },
  { href: '#/dispatch', label: 'Dispatch', page: 'dispatch' },
  { href: '#/catalog/asics', label: 'Hardware', page: 'catalog' },
];

/** The top bar: the product and its places; a run page counts as part of Scenarios. */
export function NavBar({ route }: { route: Route }) {
  const active = route.page === 'run' ? 'scenarios' : route.page;
  return (
    <header class="top-bar">
      <a class="brand" href="#/scenarios">
        <span class="brand-mark">M</span> Mullet
        <span class="brand-tag">AI/HPC up front · bitcoin in the back</span>
      </a>
      <nav>
        {LINKS.map((link) => (
          <a key={link.page} href={link.href} class={link.page === active ? 'active' : undefined}>
            {link.label}
          </a>
        ))}
        <a href="/api/docs" target="_blank" rel="noreferrer">
          API
        </a>
      </nav>
    </header>
  );
}
