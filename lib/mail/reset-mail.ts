import type { MailMessage } from "./transport";

export function resetMail(to: string, link: string, ttlMinutes: number): MailMessage {
  return {
    to,
    subject: "Reset your AMR Predictor password",
    text: [
      "Someone (hopefully you) asked to reset the password of your AMR Predictor account.",
      "",
      `Choose a new password here within ${ttlMinutes} minutes:`,
      link,
      "",
      "The link works once. If you did not ask for it, ignore this message: your password stays as it is.",
    ].join("\n"),
  };
}
