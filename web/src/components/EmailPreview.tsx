/**
 * An e-mail's HTML as it was sent, shown in a sandboxed frame: `sandbox=""` gives it an opaque origin,
 * no scripts, no forms, no navigation of the app, and the app's content security policy (inherited by
 * `srcdoc`) lets it load nothing from outside. Never put stored HTML into the page itself.
 */
export function EmailPreview({ html, title, height = 520 }: { html: string; title: string; height?: number }) {
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title={title}
      referrerPolicy="no-referrer"
      data-testid="email-preview"
      style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: 'white' }}
    />
  );
}
