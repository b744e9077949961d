import type { TrendChartPlan } from "../../core";

/**
 * DrawingML for the milestone trend: ExcelJS writes no charts, so the report adds the chart part, the
 * drawing that places it, their relationships and content types to the package itself. No DOM and no
 * file system: the task pane builds the same package in the browser.
 */

const xmlText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Colours for the milestones' lines (Office's palette), repeated when there are more milestones. */
const PALETTE = ["0F6CBD", "C239B3", "107C10", "D13438", "8764B8", "CA5010", "038387", "986F0B", "4F6BED", "E3008C"];

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

function numRef(ref: string, values: readonly (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>yyyy\\-mm\\-dd</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

function axisTitle(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function axis(id: number, cross: number, position: "b" | "l", title: string, min: number, max: number): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:max val="${max}"/><c:min val="${min}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${axisTitle(title)}<c:numFmt formatCode="mmm\\ yyyy" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

/** The chart part (`xl/charts/chartN.xml`): a scatter chart with lines, one series per milestone and the diagonal. */
export function trendChartXml(chart: TrendChartPlan): string {
  const all = [...chart.x.values, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null))];
  // Axes from the first of the earliest month to a month past the latest: a scale LibreOffice and Excel agree on.
  const min = Math.floor(Math.min(...all) / 30) * 30;
  const max = Math.ceil(Math.max(...all) / 30) * 30 + 30;
  const series = chart.series
    .map((s, i) => {
      const colour = s.diagonal ? "7F7F7F" : PALETTE[(i - 1) % PALETTE.length]!;
      const line = s.diagonal
        ? `<a:ln w="15875"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="dash"/></a:ln>`
        : `<a:ln w="22225"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln>`;
      const marker = s.diagonal
        ? `<c:marker><c:symbol val="none"/></c:marker>`
        : `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${xmlText(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr>${line}</c:spPr>${marker}` +
        `<c:xVal>${numRef(chart.x.ref, chart.x.values)}</c:xVal><c:yVal>${numRef(s.ref, s.values)}</c:yVal><c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1400" b="1"/><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="500100"/><c:axId val="500200"/></c:scatterChart>` +
    axis(500100, 500200, "b", chart.xTitle, min, max) +
    axis(500200, 500100, "l", chart.yTitle, min, max) +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>`
  );
}

/** The drawing part (`xl/drawings/drawingN.xml`) that places the chart over a block of cells. */
export function drawingXml(chart: TrendChartPlan, relId: string): string {
  const corner = (tag: string, p: { row: number; column: number }) =>
    `<xdr:${tag}><xdr:col>${p.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell">${corner("from", chart.from)}${corner("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="IEWSC milestone trend" descr="${xmlText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
