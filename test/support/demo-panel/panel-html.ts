import { panelScriptPath, panelStylePath } from './protocol';

/**
 * Policy of the panel page: its own script and style only, and requests to its own origin
 * (the control routes and the event stream). No inline code, frames or forms.
 */
export const panelCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Renders the page shell; the script builds the content and fills it from the event stream. */
export function renderPanelHtml(token: string): string {
  const query = `?token=${encodeURIComponent(token)}`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Emulated Ledger</title>
    <link rel="stylesheet" href="${panelStylePath}${query}" />
    <script src="${panelScriptPath}${query}" defer></script>
  </head>
  <body>
    <main id="panel" aria-labelledby="panel-heading">
      <h1 id="panel-heading">Emulated Ledger</h1>
      <p>Loading the device panel…</p>
    </main>
  </body>
</html>
`;
}
