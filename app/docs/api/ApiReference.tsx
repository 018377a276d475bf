"use client";
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * Scalar's renderer, bundled with the app: no CDN, no web fonts (CSP font-src 'self'), no
 * telemetry, no "Ask AI" (a Scalar-hosted service), and no "try it" client (it would need a
 * proxy or send the user's cookie around).
 */
export function ApiReference({ document }: { document: object }) {
  return (
    <ApiReferenceReact
      configuration={{
        content: document,
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        showDeveloperTools: "never",
        hideDarkModeToggle: true,
        forceDarkModeState: "light",
        documentDownloadType: "json",
        agent: { disabled: true },
      }}
    />
  );
}
