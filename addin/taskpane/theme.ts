/**
 * Follows Office's theme where Office says it (`Office.context.officeTheme`: dark grey, black, …),
 * else the system's light or dark mode (`prefers-color-scheme`, followed when it changes). Sets `dark`
 * or `light` on the root element; the stylesheet's one dark palette (`:root.dark`) does the rest.
 */
export function followOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined, doc: Document = document): void {
  const background = theme?.bodyBackgroundColor;
  if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
    setDark(doc, isDark(background));
    return;
  }
  const system = doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)");
  if (!system) return;
  setDark(doc, system.matches);
  const follow = (e: { matches: boolean }) => setDark(doc, e.matches);
  // Older webviews (Safari before 14) know only addListener.
  if (typeof system.addEventListener === "function") system.addEventListener("change", follow);
  else system.addListener(follow);
}

function setDark(doc: Document, dark: boolean): void {
  doc.documentElement.classList.toggle("dark", dark);
  doc.documentElement.classList.toggle("light", !dark);
}

/** Below the midpoint of relative luminance (WCAG), the text must be light. */
function isDark(background: string): boolean {
  const hex = background.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.2;
}
