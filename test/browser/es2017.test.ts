import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import * as acorn from "acorn";
import * as ts from "typescript";

// The add-in must parse in EdgeHTML 18, the oldest web view Excel still runs it in: ES2017
// (README.md, "Where the add-in runs"). Chromium parses anything, so the browser tests cannot see
// a newer construct; this test reads every script of the production build as ES2017 does.

const ROOT = resolve(__dirname, "../..");
const BUILD = join(ROOT, "dist/addin");

/** Where a construct newer than ES2017 sits, and what it is. */
interface Finding {
  at: string;
  construct: string;
}

type Node = acorn.Node & Record<string, unknown>;

const lineColumn = (source: string, offset: number) => {
  const { line, column } = acorn.getLineInfo(source, offset);
  return `${line}:${column + 1}`;
};

/** A regular expression ES2017 cannot read (named groups, lookbehind, the s flag, \p{…}), or undefined. */
function regexProblem(pattern: string, flags: string): string | undefined {
  try {
    acorn.parse(`/${pattern}/${flags}`, { ecmaVersion: 2017 });
    return undefined;
  } catch (e) {
    return `regular expression /${pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern}/${flags}: ${(e as Error).message.replace(/ \(\d+:\d+\)$/, "")}`;
  }
}

/** What makes a node newer than ES2017, or undefined. */
function newerThanES2017(node: Node): string | undefined {
  switch (node.type) {
    case "ChainExpression":
      return "optional chaining ?. (ES2020)";
    case "LogicalExpression":
      return node.operator === "??" ? "nullish coalescing ?? (ES2020)" : undefined;
    case "AssignmentExpression":
      return ["&&=", "||=", "??="].includes(node.operator as string)
        ? `logical assignment ${node.operator} (ES2021)`
        : undefined;
    case "ObjectExpression":
      return (node.properties as Node[]).some((p) => p.type === "SpreadElement")
        ? "object spread {...x} (ES2018)"
        : undefined;
    case "ObjectPattern":
      return (node.properties as Node[]).some((p) => p.type === "RestElement")
        ? "object rest {...x} = (ES2018)"
        : undefined;
    case "CatchClause":
      return node.param === null ? "catch without a binding (ES2019)" : undefined;
    case "ForOfStatement":
      return node.await ? "for await (ES2018)" : undefined;
    case "FunctionDeclaration":
    case "FunctionExpression":
      return node.async && node.generator ? "async generator (ES2018)" : undefined;
    case "PropertyDefinition":
      return "class field (ES2022)";
    case "PrivateIdentifier":
      return "private name #x (ES2022)";
    case "StaticBlock":
      return "class static block (ES2022)";
    case "ImportExpression":
      return "import() (ES2020)";
    case "MetaProperty":
      return (node.meta as Node).name === "import" ? "import.meta (ES2020)" : undefined;
    case "Literal":
      if (node.bigint !== undefined) return "BigInt literal (ES2020)";
      if (typeof node.raw === "string" && /^\d[\d_]*_/.test(node.raw)) return "numeric separator (ES2021)";
      if (node.regex) {
        // The pattern as written, escapes and all.
        const { pattern, flags } = node.regex as { pattern: string; flags: string };
        return regexProblem(pattern, flags);
      }
      return undefined;
    case "NewExpression":
    case "CallExpression": {
      // new RegExp("…", "…") with literal text: the engine reads the pattern when it runs.
      const [pattern, flags] = node.arguments as Node[];
      const isRegExp = (node.callee as Node).type === "Identifier" && (node.callee as Node).name === "RegExp";
      if (!isRegExp || pattern?.type !== "Literal" || typeof pattern.value !== "string") return undefined;
      const f = flags?.type === "Literal" && typeof flags.value === "string" ? flags.value : "";
      // As a literal: a bare / would end it, and \/ means / in every mode.
      return regexProblem(
        pattern.value.replace(/(\\.)|\//g, (_, escaped) => escaped ?? "\\/"),
        f,
      );
    }
    default:
      return undefined;
  }
}

/** Every construct newer than ES2017 in a script, by position. */
function findNewerSyntax(source: string, file: string): Finding[] {
  const found: Finding[] = [];
  const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType: "script", allowHashBang: true });
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object" || typeof (value as Node).type !== "string") return;
    const node = value as Node;
    const construct = newerThanES2017(node);
    if (construct) found.push({ at: `${file}:${lineColumn(source, node.start)}`, construct });
    for (const [key, child] of Object.entries(node)) if (key !== "regex" && typeof child === "object") visit(child);
  };
  visit(ast);
  // Whatever the list above misses, the ES2017 grammar does not.
  try {
    acorn.parse(source, { ecmaVersion: 2017, sourceType: "script", allowHashBang: true });
  } catch (e) {
    const { pos, message } = e as { pos: number; message: string };
    if (!found.some((f) => f.at === `${file}:${lineColumn(source, pos)}`))
      found.push({
        at: `${file}:${lineColumn(source, pos)}`,
        construct: `not ES2017: ${message} near "${source.slice(Math.max(0, pos - 30), pos + 30)}"`,
      });
  }
  return found;
}

describe("the ES2017 reader", () => {
  test.each([
    ["a?.b", "optional chaining ?. (ES2020)"],
    ["a ?? b", "nullish coalescing ?? (ES2020)"],
    ["a ||= b", "logical assignment ||= (ES2021)"],
    ["x = { ...a }", "object spread {...x} (ES2018)"],
    ["({ a, ...rest } = x)", "object rest {...x} = (ES2018)"],
    ["try {} catch {}", "catch without a binding (ES2019)"],
    ["async function f() { for await (const x of y); }", "for await (ES2018)"],
    ["async function* f() {}", "async generator (ES2018)"],
    ["class A { x = 1 }", "class field (ES2022)"],
    ["class A { static {} }", "class static block (ES2022)"],
    ["import('./x.js')", "import() (ES2020)"],
    ["10n", "BigInt literal (ES2020)"],
    ["1_000", "numeric separator (ES2021)"],
    ["/(?<y>\\d{4})/", "regular expression /(?<y>\\d{4})/"],
    ["/(?<=a)b/", "regular expression /(?<=a)b/"],
    ["/a.b/s", "regular expression /a.b/s"],
    ["/\\p{M}/u", "regular expression /\\p{M}/u"],
    ['new RegExp("(?<!a)b")', "regular expression /(?<!a)b/"],
    ['new RegExp("a/(?<n>b)", "u")', "regular expression /a\\/(?<n>b)/u"],
  ])("finds %s", (source, construct) => {
    const found = findNewerSyntax(source, "x.js");
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.construct.startsWith(construct)).toBe(true);
    expect(found[0]!.at).toMatch(/^x\.js:1:\d+$/);
  });

  test("ES2017 itself passes: async functions, exponent, spread in arrays and calls, trailing commas", () => {
    const source =
      'async function f(a, b,) { await g(...a); return [...b, 2 ** 3, /(?=a)\\/\\u{1F600}/u, new RegExp("a/b[/]")]; }';
    expect(findNewerSyntax(source, "ok.js")).toEqual([]);
  });
});

describe("the production add-in build", () => {
  const scripts = existsSync(BUILD) ? readdirSync(BUILD).filter((f) => f.endsWith(".js")) : [];

  test("is there: the pages' scripts and the report's chunks", () => {
    if (!existsSync(join(BUILD, "taskpane.html")))
      throw new Error("dist/addin/taskpane.html is missing: run `npm run build:addin` first (npm test does).");
    expect(scripts.filter((f) => /^(taskpane|commands)\./.test(f))).toHaveLength(2);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
  });

  test("every script parses as ES2017, and no regular expression in it needs a newer engine", () => {
    const found = scripts.flatMap((file) => findNewerSyntax(readFileSync(join(BUILD, file), "utf8"), file));
    expect(found).toEqual([]);
  });

  test("so do the scripts written into the pages (the failed-load message among them)", () => {
    const pages = readdirSync(BUILD).filter((f) => f.endsWith(".html"));
    const inline = pages.flatMap((page) =>
      [...readFileSync(join(BUILD, page), "utf8").matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m, i) => ({ at: `${page} (script ${i + 1})`, source: m[1]! }),
      ),
    );
    expect(inline.map((s) => s.at)).toContain("taskpane.html (script 1)");
    expect(inline.flatMap((s) => findNewerSyntax(s.source, s.at))).toEqual([]);
  });
});

/** Every TypeScript file under a folder of the repository. */
const sourcesUnder = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(folder, f));

/** Where a file names BigInt (the value, its typed arrays or the type) or writes a BigInt literal. */
function bigIntUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isBigInt =
      node.kind === ts.SyntaxKind.BigIntLiteral ||
      node.kind === ts.SyntaxKind.BigIntKeyword ||
      (ts.isIdentifier(node) && /^Big(Int|Int64Array|Uint64Array)$/.test(node.text));
    if (isBigInt) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}:${character + 1} ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("our code and BigInt", () => {
  // EdgeHTML 18 has no BigInt and no polyfill can add it: a `BigInt(…)` would stop the add-in there,
  // at the moment it runs, on a path the browser tests may not take. The arbitration's exact weights
  // are vectors of small integers (core/roster/tie-weights.ts) for this reason.
  test("no file of core/, addin/ or scripts/ names BigInt or writes a BigInt literal", () => {
    const uses = ["core", "addin", "scripts"]
      .flatMap(sourcesUnder)
      .flatMap((file) => bigIntUses(file, readFileSync(join(ROOT, file), "utf8")));
    expect(uses).toEqual([]);
  });

  test("the scan sees the type, a literal and a call, not a comment or a string", () => {
    const text = '// BigInt here is prose\nconst a: bigint = 1n + BigInt("BigInt");';
    expect(bigIntUses("x.ts", text)).toEqual(["x.ts:2:10 bigint", "x.ts:2:19 1n", "x.ts:2:24 BigInt"]);
  });
});
