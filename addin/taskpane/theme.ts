/**
 * Follows Office's theme where Office says it (`Office.context.officeTheme`: dark grey, black, …),
 * else the system's light or dark mode (the stylesheet's `prefers-color-scheme`). Sets `dark` or
 * `light` on the root element; the stylesheet does the rest.
 */
export function followOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined, doc: Document = document): void {
  const background = theme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return;
  const hex = background.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  // Relative luminance (WCAG): below the midpoint, the text must be light.
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const dark = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.2;
  doc.documentElement.classList.toggle("dark", dark);
  doc.documentElement.classList.toggle("light", !dark);
}
