/** A long source note shortened for a table cell: the site it cites, and a link when it is a plain URL. */
export interface ShortSource {
  text: string;
  href: string | undefined;
}

/**
 * `https://www.example.com/a/b` → `example.com` (linked); `github:owner/repo@sha:path` → `github.com/owner/repo`
 * (linked to the repository); other text cut to `maxChars` with an ellipsis.
 */
export function shortSource(source: string, maxChars = 36): ShortSource {
  const github = /github:([\w.-]+\/[\w.-]+?)(?:\.git)?(?:@|:|$)/.exec(source);
  if (github?.[1] !== undefined)
    return { text: `github.com/${github[1]}`, href: `https://github.com/${github[1]}` };
  const url = /https?:\/\/[^\s;,()]+/.exec(source);
  if (url !== null) {
    try {
      const parsed = new URL(url[0]);
      return { text: parsed.hostname.replace(/^www\./, ''), href: url[0] };
    } catch {
      // not a URL after all: fall through to plain text
    }
  }
  return { text: source.length > maxChars ? `${source.slice(0, maxChars - 1)}…` : source, href: undefined };
}
