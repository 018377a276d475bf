import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AMR Predictor", template: "%s · AMR Predictor" },
  description: "Predict antimicrobial resistance from bacterial genome assemblies.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
