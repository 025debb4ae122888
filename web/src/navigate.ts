import { type Route, routeHash } from './route.ts';

/** Goes to a route; `replace` keeps the browser's back button from returning to a redirect. */
export function navigate(route: Route, replace = false): void {
  const hash = routeHash(route);
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
