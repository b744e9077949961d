/*
 * A small fake of the Excel object model that IEWSC Workbench uses, with the behaviour the add-in
 * relies on: cells that change when a batch is synced, tables, conditional formats, sheets, and
 * Excel's habit of reading a string that starts with "=", "+" or "-" as a formula unless the cell
 * is formatted as text. It counts round trips and the bytes of each request, and refuses a request
 * over Excel on the web's 5 MB limit as Excel does.
 *
 * Two modes: plain objects (the browser test injects it as the Office host), or every object wrapped
 * by office-addin-mock's OfficeMockObject (`wrap` option), so that reading a property that was not
 * loaded and synced gives "Error, property was not loaded" as in Office.js.
 *
 * What real Excel refuses and this fake refuses too (each a lesson from Excel itself):
 * - `listSeparator: ";"` in the fixture plays a German, French or Swiss Excel, whose list separator is
 *   ";": `getRanges("A1,C5")` fails with InvalidArgument there (office-js #1167, #1985). A data
 *   validation's list source is not localised (office-js #2128): it stays comma-separated everywhere.
 * - Tables and defined names share one namespace: a table named like a table or a name fails with
 *   InvalidArgument and Excel's vague "The argument is invalid or missing or has an incorrect format."
 *   (office-js #551: not ItemAlreadyExists); a name added like a table or name fails with ItemAlreadyExists.
 * - A table cannot overlap another table or a merged area (`merged` in a sheet's fixture): `tables.add`
 *   fails with InvalidArgument (office-js #1199, office-js-docs #417; GeneralException on the Mac).
 * - `activate()` on a hidden sheet (`visibility: "Hidden"`) fails with InvalidOperation.
 * Like Excel, the failure surfaces at the next `sync()`, after what was queued before it was done.
 *
 * Written in plain JavaScript so that the same file runs under jest and in Chromium.
 */
((root) => {
  var LIMIT = 5 * 1024 * 1024;

  function colNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n;
  }
  function colLetters(n) {
    var s = "";
    while (n > 0) {
      var r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  /** "C5", "C5:D9", "A:A", "Sheet!A1" → box (1-based). */
  function parseBox(address) {
    var a = String(address).split("!").pop().replace(/\$/g, "");
    var m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/i.exec(a);
    if (!m) throw new Error(`fake Excel: bad address ${address}`);
    var left = colNumber(m[1]);
    var top = m[2] ? Number(m[2]) : 1;
    var right = m[3] ? colNumber(m[3]) : left;
    var bottom = m[4] ? Number(m[4]) : m[2] ? top : 1048576;
    if (!m[3] && m[2]) bottom = top;
    return { top: top, left: left, bottom: bottom, right: right };
  }
  function boxAddress(b) {
    var first = colLetters(b.left) + b.top;
    return b.top === b.bottom && b.left === b.right ? first : `${first}:${colLetters(b.right)}${b.bottom}`;
  }
  function bytesOf(value) {
    return new TextEncoder().encode(JSON.stringify(value)).length;
  }
  function hostError(code, message) {
    var e = new Error(message);
    e.code = code;
    e.debugInfo = { code: code, message: message };
    return e;
  }
  /** Excel reads a typed string starting with =, + or - as a formula, unless the cell is text. */
  function looksLikeFormula(v) {
    return typeof v === "string" && v.length > 1 && /^[=+-]/.test(v);
  }

  /**
   * @param {{ sheets: Array<{ name: string, cells?: any[][], at?: string, tables?: Array<{ name: string, ref: string }> }>, date1904?: boolean }} fixture
   * @param {{ wrap?: (data: object) => object }} [options]
   */
  function createFakeExcel(fixture, options) {
    var wrap = options?.wrap || ((d) => d);
    var world = {
      sheets: [],
      tables: [],
      ranges: [],
      syncs: 0,
      requestBytes: [],
      pendingBytes: 0,
      selected: null,
      activeSheet: null,
      mocks: [],
      date1904: Boolean(fixture.date1904),
      listSeparator: fixture.listSeparator || ",",
      /** A host error queued by an operation, raised by the next sync (Excel fails a batch there). */
      failure: null,
    };
    function failAtSync(code, message) {
      if (!world.failure) world.failure = hostError(code, message);
    }
    function overlaps(b, q) {
      return b.top <= q.bottom && q.top <= b.bottom && b.left <= q.right && q.left <= b.right;
    }
    function nameTaken(name) {
      var key = String(name).toLowerCase();
      return world.names.some((n) => n.name.toLowerCase() === key);
    }

    function W(data) {
      var obj = wrap(data);
      if (obj !== data) world.mocks.push(obj);
      // Plain mode: load() is a no-op that chains, as in Office.js.
      else if (!obj.load) obj.load = () => obj;
      return obj;
    }

    function findSheet(name) {
      var key = String(name).toLowerCase();
      for (var i = 0; i < world.sheets.length; i++)
        if (world.sheets[i].name.toLowerCase() === key) return world.sheets[i];
      return null;
    }
    function findTable(name) {
      var key = String(name).toLowerCase();
      for (var i = 0; i < world.tables.length; i++)
        if (world.tables[i].name.toLowerCase() === key) return world.tables[i];
      return null;
    }

    function newSheet(name) {
      var s = {
        name: name,
        cells: new Map(),
        formats: [],
        frozenRows: 0,
        tabColor: "",
        validations: [],
        charts: [],
        visibility: "Visible",
        merged: [],
        changeHandlers: [],
        /** Column widths in points, by 1-based column, as `format.columnWidth` sets them. */
        widths: new Map(),
        /** Row heights in points, by 1-based row, as `format.rowHeight` sets them. */
        heights: new Map(),
        /** Horizontal lines, keyed "row,column": the line below that row (row 0: above the first). */
        lines: new Map(),
        /** Manual page breaks: the rows that begin a printed page. */
        rowBreaks: [],
      };
      s.pageLayout = pageLayoutOf(s);
      world.sheets.push(s);
      return s;
    }
    /** Worksheet.pageLayout (ExcelApi 1.9) as the add-in sets it: recorded as given, for tests to read. */
    function pageLayoutOf(s) {
      var side = () => ({
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      });
      return {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        printTitleRows: "",
        headersFooters: { state: true, defaultForAllPages: side() },
        setPrintTitleRows: (rows) => {
          world.pendingBytes += String(rows).length;
          s.pageLayout.printTitleRows = String(rows);
        },
      };
    }
    function cellAt(s, r, c) {
      return s.cells.get(`${r},${c}`);
    }
    function setCell(s, r, c, patch) {
      var key = `${r},${c}`;
      var cur = s.cells.get(key) || { v: "", f: null, nf: "General" };
      for (var k in patch) cur[k] = patch[k];
      s.cells.set(key, cur);
    }
    function readValues(s, b) {
      var out = [];
      for (var r = b.top; r <= b.bottom; r++) {
        var line = [];
        for (var c = b.left; c <= b.right; c++) {
          var cell = cellAt(s, r, c);
          line.push(cell ? cell.v : "");
        }
        out.push(line);
      }
      return out;
    }
    /** What Office.js gives as `formulas`: the formula where there is one, else the value. */
    function readFormulas(s, b) {
      var out = [];
      for (var r = b.top; r <= b.bottom; r++) {
        var line = [];
        for (var c = b.left; c <= b.right; c++) {
          var cell = cellAt(s, r, c);
          line.push(cell ? cell.f || cell.v : "");
        }
        out.push(line);
      }
      return out;
    }
    function usedBox(s) {
      var box = null;
      s.cells.forEach((cell, key) => {
        if (cell.v === "" && !cell.f) return;
        var p = key.split(",").map(Number);
        if (!box) box = { top: p[0], left: p[1], bottom: p[0], right: p[1] };
        else {
          box.top = Math.min(box.top, p[0]);
          box.bottom = Math.max(box.bottom, p[0]);
          box.left = Math.min(box.left, p[1]);
          box.right = Math.max(box.right, p[1]);
        }
      });
      return box;
    }

    function nullObject() {
      return {
        isNullObject: true,
        load: function () {
          return this;
        },
      };
    }

    function cfCollection(s, boxes) {
      var col = W({
        add: (type) => {
          var cf = {
            type: type,
            boxes: boxes,
            custom: { rule: { formula: "" }, format: { fill: { color: "" }, font: { color: "", bold: false } } },
            delete: () => {
              s.formats.splice(s.formats.indexOf(cf), 1);
            },
          };
          cf.customOrNullObject = cf.custom;
          cf.custom.isNullObject = false;
          s.formats.push(cf);
          world.pendingBytes += 200;
          return cf;
        },
        clearAll: () => {
          s.formats = s.formats.filter(
            (cf) =>
              !cf.boxes.some((b) =>
                boxes.some((q) => b.top <= q.bottom && q.top <= b.bottom && b.left <= q.right && q.left <= b.right),
              ),
          );
        },
        load: () => col,
      });
      Object.defineProperty(col, "items", {
        get: () =>
          s.formats.filter((cf) =>
            cf.boxes.some((b) =>
              boxes.some((q) => b.top <= q.bottom && q.top <= b.bottom && b.left <= q.right && q.left <= b.right),
            ),
          ),
      });
      return col;
    }

    /** Where each range object points, readable without a load (for names.add). */
    var addresses = new WeakMap();
    function rangeOf(s, b) {
      // Whole-sheet ranges (for clearing and conditional formats) are never read: do not build their values.
      var area = (b.bottom - b.top + 1) * (b.right - b.left + 1);
      var readable = area <= 5e6 && b.bottom < 1048576;
      var initial = { values: readable ? readValues(s, b) : [], formulas: readable ? readFormulas(s, b) : [] };
      var range = W({
        values: initial.values,
        formulas: initial.formulas,
        rowIndex: b.top - 1,
        columnIndex: b.left - 1,
        address: `${s.name}!${boxAddress(b)}`,
        select: () => {
          world.selected = { sheet: s.name, address: boxAddress(b) };
        },
        clear: () => {
          s.cells.forEach((_, key) => {
            var p = key.split(",").map(Number);
            if (p[0] >= b.top && p[0] <= b.bottom && p[1] >= b.left && p[1] <= b.right) s.cells.delete(key);
          });
          // Clearing formats takes the borders too (not the column widths).
          s.lines.forEach((_, key) => {
            var p = key.split(",").map(Number);
            if (p[0] >= b.top - 1 && p[0] <= b.bottom && p[1] >= b.left && p[1] <= b.right) s.lines.delete(key);
          });
        },
      });
      range.isNullObject = false;
      range.getColumnsAfter = (n) =>
        rangeOf(s, { top: b.top, left: b.right + 1, bottom: b.bottom, right: b.right + n });
      range.getTables = () => {
        var items = world.tables.filter((t) => t.sheet === s && overlaps(t.box, b)).map((t) => ({ name: t.name }));
        var col = { items: items };
        col.load = () => col;
        return col;
      };
      // ExcelApi 1.13: merged areas of the range, or a null object when there are none.
      range.getMergedAreasOrNullObject = () => {
        var inside = s.merged.filter((m) => overlaps(m, b));
        if (!inside.length) return nullObject();
        var areas = { isNullObject: false, address: inside.map((m) => `${s.name}!${boxAddress(m)}`).join(",") };
        areas.load = () => areas;
        return areas;
      };
      // What the add-in sets on `format` is applied at sync; a property left null was not set.
      var borders = {};
      range.format = {
        columnWidth: null,
        rowHeight: null,
        horizontalAlignment: null,
        verticalAlignment: null,
        wrapText: null,
        font: { name: null, size: null, bold: null, italic: null, color: null },
        fill: { color: null },
        borders: {
          getItem: (edge) => {
            if (!borders[edge]) borders[edge] = { style: null, weight: null, color: null };
            return borders[edge];
          },
        },
      };
      addresses.set(range, `${s.name}!${boxAddress(b)}`);
      range.conditionalFormats = cfCollection(s, [b]);
      range.dataValidation = {
        rule: null,
        errorAlert: null,
        clear: () => {
          s.validations = s.validations.filter((v) => boxAddress(v.box) !== boxAddress(b));
        },
      };
      world.ranges.push({ sheet: s, box: b, range: range, initial: initial, applied: {}, borders: borders });
      return range;
    }

    /** Applies the writes queued on ranges since the last sync, in the order the add-in queued them. */
    function applyWrites() {
      world.ranges.forEach((entry) => {
        var range = entry.range,
          s = entry.sheet,
          b = entry.box;
        ["numberFormat", "values", "formulas"].forEach((prop) => {
          var v = range[prop];
          if (!Array.isArray(v) || v === entry.initial[prop] || v === entry.applied[prop]) return;
          entry.applied[prop] = v;
          world.pendingBytes += bytesOf(v);
          if (v.length !== b.bottom - b.top + 1 || v[0].length !== b.right - b.left + 1) {
            throw hostError(
              "InvalidArgument",
              "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
            );
          }
          for (var i = 0; i < v.length; i++) {
            for (var j = 0; j < v[i].length; j++) {
              var r = b.top + i,
                c = b.left + j,
                x = v[i][j];
              var cell = cellAt(s, r, c) || { v: "", f: null, nf: "General" };
              if (prop === "numberFormat") setCell(s, r, c, { nf: x });
              // A leading apostrophe is a quote prefix, as when typed: Excel keeps the rest as text.
              else if (typeof x === "string" && x[0] === "'") setCell(s, r, c, { v: x.slice(1), f: null, qp: true });
              else if (looksLikeFormula(x) && cell.nf !== "@")
                setCell(s, r, c, { f: x[0] === "=" ? x : `=${x}`, v: "#FORMULA" });
              else setCell(s, r, c, { v: x === null ? "" : x, f: null });
            }
          }
        });
        applyFormat(entry);
        applyValidation(entry);
      });
    }

    /** Range formats as Excel keeps them: fonts, fills and alignment per cell, widths per column, lines between rows. */
    function applyFormat(entry) {
      var f = entry.range.format,
        s = entry.sheet,
        b = entry.box;
      var patch = {};
      [
        ["fontName", f.font.name],
        ["fontSize", f.font.size],
        ["bold", f.font.bold],
        ["italic", f.font.italic],
        ["fontColor", f.font.color],
        ["fill", f.fill.color],
        ["horizontal", f.horizontalAlignment],
        ["vertical", f.verticalAlignment],
        ["wrap", f.wrapText],
      ].forEach((p) => {
        if (p[1] !== null && p[1] !== undefined) patch[p[0]] = p[1];
      });
      var keys = Object.keys(patch);
      if (keys.length && !entry.formatted) {
        entry.formatted = true;
        world.pendingBytes += 100;
        if (b.bottom === 1048576) {
          // A whole column's format reaches every cell of it that holds something (Excel stores it on
          // the column; the cells show it).
          s.cells.forEach((cell, key) => {
            var p = key.split(",").map(Number);
            if (p[0] >= b.top && p[1] >= b.left && p[1] <= b.right)
              setCell(s, p[0], p[1], { style: Object.assign({}, cell.style || {}, patch) });
          });
        }
        for (var r = b.top; r <= b.bottom && b.bottom < 1048576; r++)
          for (var c = b.left; c <= b.right; c++) {
            var cell = cellAt(s, r, c) || { v: "", f: null, nf: "General" };
            setCell(s, r, c, { style: Object.assign({}, cell.style || {}, patch) });
          }
      }
      if (f.rowHeight !== null && !entry.heightSet) {
        entry.heightSet = true;
        for (var row = b.top; row <= b.bottom; row++) s.heights.set(row, f.rowHeight);
      }
      if (f.columnWidth !== null && !entry.widthSet) {
        entry.widthSet = true;
        for (var col = b.left; col <= b.right; col++) s.widths.set(col, f.columnWidth);
      }
      Object.keys(entry.borders).forEach((edge) => {
        var e = entry.borders[edge];
        if (e.style === null || entry[`edge${edge}`]) return;
        entry[`edge${edge}`] = true;
        var rows =
          edge === "EdgeTop"
            ? [b.top - 1]
            : edge === "EdgeBottom"
              ? [b.bottom]
              : edge === "InsideHorizontal"
                ? Array.from({ length: b.bottom - b.top }, (_, i) => b.top + i)
                : [];
        rows.forEach((row) => {
          for (var col = b.left; col <= b.right; col++)
            s.lines.set(`${row},${col}`, { style: e.style, weight: e.weight, color: e.color });
        });
      });
    }

    /** A data validation set on a range replaces the validations of that range, as Excel does. */
    function applyValidation(entry) {
      var dv = entry.range.dataValidation;
      if (!dv.rule || entry.validated) return;
      entry.validated = true;
      var s = entry.sheet;
      s.validations = s.validations.filter((v) => boxAddress(v.box) !== boxAddress(entry.box));
      s.validations.push({ box: entry.box, rule: dv.rule, errorAlert: dv.errorAlert });
      world.pendingBytes += bytesOf(dv.rule);
    }

    function sheetObject(s) {
      var sheet = W({
        name: s.name,
        tabColor: s.tabColor,
        visibility: s.visibility,
        getRange: (address) =>
          rangeOf(s, address ? parseBox(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 }),
        getRanges: (addresses) => {
          var text = String(addresses);
          // Excel parses the areas with the locale's list separator: a comma list fails where it is ";".
          if (world.listSeparator !== "," && text.indexOf(",") >= 0)
            failAtSync("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          var boxes = text.split(world.listSeparator === "," ? "," : /[,;]/).map((a) => parseBox(a.trim()));
          world.pendingBytes += addresses.length;
          var areas = { address: addresses };
          areas.conditionalFormats = cfCollection(s, boxes);
          return areas;
        },
        getUsedRangeOrNullObject: () => {
          var box = usedBox(s);
          return box ? rangeOf(s, box) : nullObject();
        },
        activate: () => {
          if (s.visibility !== "Visible")
            failAtSync("InvalidOperation", "The operation is not permitted on a hidden sheet.");
          else world.activeSheet = s.name;
        },
        delete: () => {
          world.sheets.splice(world.sheets.indexOf(s), 1);
        },
        onChanged: {
          add: (handler) => {
            s.changeHandlers.push(handler);
            return { remove: () => s.changeHandlers.splice(s.changeHandlers.indexOf(handler), 1) };
          },
        },
        pageLayout: s.pageLayout,
        freezePanes: {
          freezeRows: (n) => {
            s.frozenRows = n;
          },
        },
        horizontalPageBreaks: {
          add: (address) => {
            s.rowBreaks.push(parseBox(address).top);
            world.pendingBytes += 50;
          },
          removePageBreaks: () => {
            s.rowBreaks = [];
          },
        },
        charts: {
          getItemOrNullObject: (name) => {
            for (var i = 0; i < s.charts.length; i++) if (s.charts[i].name === name) return chartObject(s, s.charts[i]);
            return nullObject();
          },
          add: (type, range, seriesBy) => {
            var c = {
              name: `Chart ${s.charts.length + 1}`,
              type: type,
              source: range.address,
              seriesBy: seriesBy,
              title: "",
              axes: {},
              legend: "",
              at: "",
            };
            s.charts.push(c);
            world.pendingBytes += 300;
            return chartObject(s, c);
          },
        },
        tables: {
          add: (address, hasHeaders) => {
            var t = {
              name: `Table${world.tables.length + 1}`,
              sheet: s,
              box: parseBox(address),
              // Excel gives a new table its default style.
              style: "TableStyleMedium2",
              hasHeaders: hasHeaders,
            };
            if (world.tables.some((o) => o.sheet === s && overlaps(o.box, t.box)))
              failAtSync(
                "InvalidArgument",
                "A table cannot overlap a range that contains a PivotTable report, query results, protected cells or another table.",
              );
            if (s.merged.some((m) => overlaps(m, t.box)))
              failAtSync("InvalidArgument", "A table can't overlap a range that contains merged cells.");
            world.tables.push(t);
            return tableObject(t);
          },
        },
      });
      sheet.isNullObject = false;
      sheet.__state = s;
      // Property writes (tab colour) are read back at sync time.
      world.sheetObjects.push({ obj: sheet, state: s, tab: s.tabColor });
      return sheet;
    }
    world.sheetObjects = [];
    /** A chart: its properties are plain fields, copied to the chart's state at sync time. */
    function chartObject(s, c) {
      var chart = {
        isNullObject: false,
        name: c.name,
        title: { text: c.title },
        axes: { categoryAxis: { title: { text: "" } }, valueAxis: { title: { text: "" } } },
        legend: { position: c.legend },
        setPosition: (cell) => {
          c.at = cell;
        },
        delete: () => {
          s.charts.splice(s.charts.indexOf(c), 1);
        },
        load: () => chart,
      };
      world.chartObjects.push({ obj: chart, state: c });
      return chart;
    }
    world.chartObjects = [];
    world.tableObjects = [];

    function tableObject(t) {
      var table = W({
        name: t.name,
        style: t.style,
        getHeaderRowRange: () =>
          rangeOf(t.sheet, { top: t.box.top, left: t.box.left, bottom: t.box.top, right: t.box.right }),
        getDataBodyRange: () =>
          rangeOf(t.sheet, { top: t.box.top + 1, left: t.box.left, bottom: t.box.bottom, right: t.box.right }),
        getRange: () => rangeOf(t.sheet, t.box),
        delete: () => {
          world.tables.splice(world.tables.indexOf(t), 1);
        },
      });
      table.isNullObject = false;
      table.worksheet = sheetObject(t.sheet);
      world.tableObjects.push({ obj: table, state: t, name: t.name, style: t.style });
      return table;
    }

    function applyProperties() {
      world.chartObjects.forEach((e) => {
        e.state.name = e.obj.name;
        e.state.title = e.obj.title.text;
        e.state.axes = { x: e.obj.axes.categoryAxis.title.text, y: e.obj.axes.valueAxis.title.text };
        e.state.legend = e.obj.legend.position;
      });
      world.sheetObjects.forEach((e) => {
        // Only a value this object was given since it was created counts as a write.
        if (typeof e.obj.tabColor === "string" && e.obj.tabColor !== e.tab && !/^Error/.test(e.obj.tabColor))
          e.state.tabColor = e.tab = e.obj.tabColor;
      });
      world.tableObjects.forEach((e) => {
        if (typeof e.obj.name === "string" && e.obj.name !== e.name && !/^Error/.test(e.obj.name)) {
          // Excel says no more than this when a table takes a table's or a name's name (office-js #551).
          if ((findTable(e.obj.name) && findTable(e.obj.name) !== e.state) || nameTaken(e.obj.name))
            throw hostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          e.state.name = e.obj.name;
          e.name = e.obj.name;
        }
        if (typeof e.obj.style === "string" && e.obj.style !== e.style && !/^Error/.test(e.obj.style))
          e.state.style = e.style = e.obj.style;
      });
    }

    (fixture.sheets || []).forEach((spec) => {
      var s = newSheet(spec.name);
      if (spec.visibility) s.visibility = spec.visibility;
      s.merged = (spec.merged || []).map(parseBox);
      var at = spec.at ? parseBox(spec.at) : { top: 1, left: 1 };
      (spec.cells || []).forEach((row, i) => {
        row.forEach((v, j) => {
          if (v !== null && v !== undefined && v !== "") setCell(s, at.top + i, at.left + j, { v: v });
        });
      });
      (spec.tables || []).forEach((t) => {
        world.tables.push({ name: t.name, sheet: s, box: parseBox(t.ref), style: "TableStyleMedium2" });
      });
    });

    world.names = (fixture.names || []).map((n) => ({ name: n.name, reference: n.reference, comment: "" }));
    world.created = [];
    var context = W({
      workbook: {
        names: {
          getItemOrNullObject: (name) => {
            for (var i = 0; i < world.names.length; i++) {
              if (world.names[i].name.toLowerCase() === String(name).toLowerCase()) {
                var n = world.names[i];
                return {
                  isNullObject: false,
                  name: n.name,
                  load: function () {
                    return this;
                  },
                  delete: () => {
                    world.names.splice(world.names.indexOf(n), 1);
                  },
                };
              }
            }
            return nullObject();
          },
          add: (name, reference, comment) => {
            if (nameTaken(name) || findTable(name)) {
              failAtSync("ItemAlreadyExists", "The name already exists.");
              return;
            }
            world.names.push({
              name: name,
              reference: typeof reference === "string" ? reference : addresses.get(reference),
              comment: comment || "",
            });
            world.pendingBytes += 100;
          },
        },
        tables: {
          getItemOrNullObject: (name) => {
            var t = findTable(name);
            return t ? tableObject(t) : nullObject();
          },
        },
        worksheets: {
          getItemOrNullObject: (name) => {
            var s = findSheet(name);
            return s ? sheetObject(s) : nullObject();
          },
          getItem: (name) => {
            var s = findSheet(name);
            if (!s) throw hostError("ItemNotFound", "The requested resource doesn't exist.");
            return sheetObject(s);
          },
          add: (name) => {
            if (findSheet(name)) throw hostError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
            return sheetObject(newSheet(name));
          },
        },
        functions: {
          date: (y, m, d) => {
            var serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
            return W({ value: world.date1904 ? serial - 1462 : serial });
          },
        },
      },
      sync: () => {
        world.syncs++;
        var over = false;
        try {
          applyWrites();
          applyProperties();
        } finally {
          world.requestBytes.push(world.pendingBytes);
          over = world.pendingBytes > LIMIT;
          world.pendingBytes = 0;
        }
        if (over)
          return Promise.reject(
            hostError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit."),
          );
        if (world.failure) {
          var failure = world.failure;
          world.failure = null;
          return Promise.reject(failure);
        }
        world.mocks.forEach((m) => {
          if (typeof m.sync === "function" && m !== context) m.sync();
        });
        // office-addin-mock settles loaded values in microtasks: let them run before the caller reads.
        return new Promise((resolve) => {
          setTimeout(resolve, 0);
        });
      },
    });

    /** Inspection helpers for tests. */
    var api = {
      context: context,
      world: world,
      sheet: (name) => findSheet(name),
      table: (name) => findTable(name),
      /** The value (or formula) and number format of one cell, by A1 address. */
      cell: (sheetName, address) => {
        var s = findSheet(sheetName);
        var b = parseBox(address);
        var c = s && cellAt(s, b.top, b.left);
        return c
          ? { value: c.v, formula: c.f, numberFormat: c.nf }
          : { value: "", formula: null, numberFormat: "General" };
      },
      values: (sheetName, address) => readValues(findSheet(sheetName), parseBox(address)),
      /**
       * Everything the add-in set on the cells of a sheet, by A1 address: value or formula, number
       * format, and the font, fill and alignment as Office.js set them (absent: never set).
       */
      cells: (sheetName) => {
        var s = findSheet(sheetName);
        var out = {};
        s.cells.forEach((cell, key) => {
          var p = key.split(",").map(Number);
          out[colLetters(p[1]) + p[0]] = {
            value: cell.v,
            formula: cell.f,
            numberFormat: cell.nf,
            style: Object.assign({}, cell.style || {}),
          };
        });
        return out;
      },
      /** The lines between rows: "row,column" (the line below that row) → style, weight and colour. */
      lines: (sheetName) => {
        var out = {};
        findSheet(sheetName).lines.forEach((v, k) => {
          out[k] = Object.assign({}, v);
        });
        return out;
      },
      /** Column widths in points, by 1-based column. */
      widths: (sheetName) => Object.fromEntries(findSheet(sheetName).widths),
      /** Row heights in points, by 1-based row (rows never set are absent). */
      heights: (sheetName) => Object.fromEntries(findSheet(sheetName).heights),
      /** Data validations: their address, rule and error alert. */
      validations: (sheetName) =>
        findSheet(sheetName).validations.map((v) => ({
          address: boxAddress(v.box),
          rule: JSON.parse(JSON.stringify(v.rule)),
          errorAlert: JSON.parse(JSON.stringify(v.errorAlert)),
        })),
      /** The tables of a sheet: name, address and style. */
      tables: (sheetName) =>
        world.tables
          .filter((t) => t.sheet === findSheet(sheetName))
          .map((t) => ({ name: t.name, address: boxAddress(t.box), style: t.style })),
      /** A sheet's page layout as the add-in set it (orientation, zoom, print titles, headers and footers). */
      pageLayout: (sheetName) => JSON.parse(JSON.stringify(findSheet(sheetName).pageLayout)),
      /** The workbook's defined names. */
      names: () => world.names.map((n) => ({ name: n.name, reference: n.reference })),
      /** The charts of a sheet as plain data. */
      charts: (sheetName) => findSheet(sheetName).charts.map((c) => JSON.parse(JSON.stringify(c))),
      /** Conditional formats on a sheet: their addresses, formula and colours. */
      formats: (sheetName) =>
        findSheet(sheetName).formats.map((cf) => ({
          address: cf.boxes.map(boxAddress).join(","),
          formula: cf.custom.rule.formula,
          fill: cf.custom.format.fill.color,
          font: cf.custom.format.font.color,
        })),
      /** What Excel tells `onChanged` handlers when the user changes `address` on a sheet (a sort, an edit). */
      fireChanged: (sheetName, address) =>
        Promise.all(
          findSheet(sheetName).changeHandlers.map((h) =>
            h({ address: address, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" }),
          ),
        ),
      /** Conditional formats with everything the add-in set: also bold and priority. */
      conditionalFormats: (sheetName) =>
        findSheet(sheetName).formats.map((cf) => ({
          address: cf.boxes.map(boxAddress).join(","),
          formula: cf.custom.rule.formula,
          fill: cf.custom.format.fill.color,
          font: cf.custom.format.font.color,
          bold: cf.custom.format.font.bold,
          priority: cf.priority,
        })),
      /** Excel.run as the add-in calls it. */
      run: (batch) => Promise.resolve().then(() => batch(context)),
      /**
       * Excel.createWorkbook(base64): Excel opens a new workbook from an .xlsx package and leaves the open
       * one alone. Like Excel, it refuses what is not base64 of a zip package (InvalidArgument).
       */
      createWorkbook: (base64) => {
        var ok = typeof base64 === "string" && /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0;
        if (!ok || atob(base64.slice(0, 4)).slice(0, 2) !== "PK")
          return Promise.reject(
            hostError("InvalidArgument", "The argument is invalid or missing or has an incorrect format."),
          );
        world.created.push(base64);
        return Promise.resolve();
      },
      /** The workbooks opened with createWorkbook, as base64. */
      created: () => world.created.slice(),
    };
    return api;
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { createFakeExcel: createFakeExcel };
  else root.FakeExcel = { createFakeExcel: createFakeExcel };
})(typeof self !== "undefined" ? self : this);
