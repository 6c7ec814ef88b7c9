/**
 * The holder link made with a permit at issue (POST /api/permits?shareEmail=, issue 12 §1),
 * handed from the issue form to the permit page it routes to: the link's URL is shown this
 * once, so it lives in memory only, and is taken (removed) by the page that shows it.
 */
export interface IssuedLink {
  url: string;
  mailed: boolean;
  mailError?: { code: string; message: string };
}

const issued = new Map<string, IssuedLink>();

export function keepIssuedLink(permitNumber: string, link: IssuedLink): void {
  issued.set(permitNumber, link);
}

export function takeIssuedLink(permitNumber: string): IssuedLink | undefined {
  const link = issued.get(permitNumber);
  issued.delete(permitNumber);
  return link;
}
