/**
 * Which links leave the app for the browser or the mail client: https pages (a partner's
 * extranet, the help) and mailto: (a guest's address). Everything else (file:, javascript:,
 * custom schemes that launch other programs, http:) is refused. Pure.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  // Credentials in a link are a phishing trick ("https://bank.fr@evil.example").
  return parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}
