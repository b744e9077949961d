/**
 * Tells the pane when the sheet holding the Timeline changes (Excel's worksheet `onChanged`,
 * ExcelApi 1.7), with the changed address, so that it can say when the status columns beside the
 * Timeline went stale (core `statusStaleAfter`). One registration per sheet, for the pane's life.
 */
const watched = new Set<string>();

export async function watchSheet(
  context: Excel.RequestContext,
  sheet: string,
  onChange: (sheet: string, address: string) => void,
): Promise<void> {
  if (watched.has(sheet)) return;
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.onChanged.add(async (e) => {
    onChange(sheet, e.address);
  });
  await context.sync();
  watched.add(sheet);
}
