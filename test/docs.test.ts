/**
 * The documentation in `docs/` is the product's own: whoever clones the repository must be able to
 * follow every link, and what it says about the workbook and the command line must be what the code
 * does. These tests fail when a link breaks, when something points outside the repository, and when
 * the code gains a table, a column, a setting, a command or an option that the documentation lacks.
 */
import { CLI, runCli } from "./helpers/cli";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { SettingsSchema } from "../core/settings";
import { CONTRACT, TABLE_NAMES } from "../core/tables/contract";

const ROOT = resolve(__dirname, "..");

/**
 * Commands that docs/cli.md documents from the v1 contract and that other branches are adding now.
 * Take a command off this list when it lands in the CLI: the test below fails until then.
 */
const NOT_YET_IN_THE_CLI: readonly string[] = [];

const read = (file: string) => readFileSync(file, "utf8");

/** README.md and every other Markdown file at the top, and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const top = readdirSync(ROOT).filter((f) => f.endsWith(".md"));
  const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  return [...top.map((f) => join(ROOT, f)), ...docs.map((f) => join(ROOT, "docs", f))];
}

/** The Markdown without its fenced code blocks and inline code, where links and headings are not. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "``");
}

/** The targets of inline links and images (`[text](target)`) and of reference definitions (`[x]: target`). */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const headings = markdownHeadings(markdown);
  for (const heading of headings) {
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The text of every ATX heading (`## Title`) outside code blocks. */
function markdownHeadings(markdown: string): string[] {
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  return [...withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]!);
}

/**
 * The sections of a Markdown file at one heading level, by heading text: from the heading to the next
 * heading of the same or a higher level.
 */
function sections(markdown: string, level: number): Map<string, string> {
  const out = new Map<string, string>();
  const lines = markdown.split("\n");
  let inFence = false;
  let current: { heading: string; lines: string[] } | undefined;
  const close = () => {
    if (current) out.set(current.heading, current.lines.join("\n"));
  };
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (heading && heading[1]!.length <= level) {
      close();
      current = heading[1]!.length === level ? { heading: heading[2]!, lines: [] } : undefined;
      continue;
    }
    current?.lines.push(line);
  }
  close();
  return out;
}

/** Every file of the repository a user gets: what git keeps, without the ignored build output. */
function repositoryFiles(): string[] {
  const ignored = read(join(ROOT, ".gitignore"))
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.endsWith("/"))
    .map((l) => l.slice(0, -1));
  const skip = new Set([".git", ...ignored]);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(ROOT, path).split(sep).join("/");
      if (skip.has(entry.name) || rel === "test/fixtures") continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(ROOT);
  return files;
}

const iewsc = (args: string[]) => runCli(args, { cwd: ROOT, timeoutMs: 60_000 });

/** The lines of one section of commander's help (`Options:`, `Commands:`), up to the blank line after it. */
function helpSection(help: string, title: string): string[] {
  const lines = help.split("\n");
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The long options a help text lists (`--as-of`), from the start of each option line only. */
const longOptions = (help: string): string[] =>
  helpSection(help, "Options")
    .map((l) => /^\s{2}(?:-\w, )?(--[a-z][\w-]*)/.exec(l)?.[1])
    .filter((o): o is string => o !== undefined);

/**
 * The long options a section of docs/cli.md documents: those that open a row of one of its tables
 * (`| \`--as-of <YYYY-MM-DD>\` | …`, `| \`-h\`, \`--help\` | …`). A mention in an example does not count.
 */
const documentedOptions = (section: string): Set<string> =>
  new Set([...section.matchAll(/^\|\s*(?:`-\w`,\s*)?`(--[a-z][\w-]*)[\s`]/gm)].map((m) => m[1]!));

describe("links", () => {
  test.each(markdownFiles().map((f) => [relative(ROOT, f), f]))(
    "every relative link in %s leads to a file of the repository (and its heading)",
    (_name, file) => {
      const markdown = read(file);
      const broken: string[] = [];
      for (const target of linkTargets(markdown)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
        const [path = "", anchor] = target.split("#") as [string, string?];
        const resolved = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
        const inside = !relative(ROOT, resolved).startsWith("..");
        if (!inside || !existsSync(resolved)) {
          broken.push(`${target} (no such file in the repository)`);
          continue;
        }
        if (anchor && resolved.endsWith(".md") && !anchorsOf(read(resolved)).has(anchor)) {
          broken.push(`${target} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    },
  );

  test("the link checker itself finds links and GitHub's heading anchors", () => {
    expect(linkTargets("See [a](docs/a.md#x), ![i](img.png) and `[not](code.md)`.\n\n[r]: ../r.md\n")).toEqual([
      "docs/a.md#x",
      "img.png",
      "../r.md",
    ]);
    const anchors = anchorsOf("# The `iewsc check` command\n## Yes/no\n## Yes/no\n```sh\n# not a heading\n```\n");
    expect([...anchors]).toEqual(["the-iewsc-check-command", "yesno", "yesno-1"]);
  });
});

describe("the repository stands alone", () => {
  test("no file outside test/fixtures refers to the folder beside the repository that a clone does not have", () => {
    const outside = ["..", "shared"].join("/");
    const offenders = repositoryFiles().filter((file) => {
      const bytes = readFileSync(file);
      return !bytes.subarray(0, 8000).includes(0) && bytes.toString("utf8").includes(outside);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  test("README.md sends users to docs/ for the workbook, the checks and the command line", () => {
    const targets = linkTargets(read(join(ROOT, "README.md"))).map((t) => t.split("#")[0]);
    expect(targets).toEqual(
      expect.arrayContaining(["docs/workbook.md", "docs/checks.md", "docs/cli.md", "docs/README.md"]),
    );
  });
});

describe("docs/workbook.md", () => {
  const tables = sections(read(join(ROOT, "docs/workbook.md")), 2);

  test.each(TABLE_NAMES.map((name) => [name]))(
    "documents the %s table with every column, alias and listed value",
    (name) => {
      const section = tables.get(name);
      expect(section).toBeDefined();
      const missing = CONTRACT[name].columns
        .flatMap((c) => [c.header, ...(c.aliases ?? []), ...(c.kind === "enum" ? (c.values ?? []) : [])])
        .filter((word) => !section!.includes(`\`${word}\``));
      expect(missing).toEqual([]);
    },
  );

  test("documents every setting", () => {
    const section = tables.get("Settings") ?? "";
    const keys = Object.keys(SettingsSchema.shape).map((k) => k[0]!.toUpperCase() + k.slice(1));
    expect(keys).toContain("MinGenderShare");
    expect(keys.filter((k) => !section.includes(`\`${k}\``))).toEqual([]);
  });
});

describe("docs/checks.md", () => {
  test("holds the markers the finding-code table is generated between, once each and in order", () => {
    const markdown = read(join(ROOT, "docs/checks.md"));
    const start = markdown.split("<!-- finding-codes:start -->").length - 1;
    const end = markdown.split("<!-- finding-codes:end -->").length - 1;
    expect([start, end]).toEqual([1, 1]);
    expect(markdown.indexOf("<!-- finding-codes:start -->")).toBeLessThan(
      markdown.indexOf("<!-- finding-codes:end -->"),
    );
  });
});

describe("docs/cli.md and the command line agree", () => {
  const cliDoc = sections(read(join(ROOT, "docs/cli.md")), 2);
  const common = cliDoc.get("Options every command takes") ?? "";
  const documented = [...cliDoc.keys()]
    .map((h) => /^`iewsc ([a-z-]+)`$/.exec(h)?.[1])
    .filter((c): c is string => c !== undefined);

  let commands: string[] = [];
  let topHelp = "";
  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error("dist/scripts/iewsc.js is missing: run `npm run build:cli` first (npm test does).");
    const r = iewsc(["--help"]);
    expect(r.code).toBe(0);
    topHelp = r.stdout;
    commands = helpSection(topHelp, "Commands")
      .map((l) => /^\s{2}([a-z][\w-]*)/.exec(l)?.[1])
      .filter((c): c is string => c !== undefined && c !== "help");
  });

  test("an option counts as documented where it opens a row of an options table, not in an example", () => {
    const section = "| `--as-of <YYYY-MM-DD>` | the day |\n| `-h`, `--help` | help |\n\n    iewsc check --jobs 2\n";
    expect([...documentedOptions(section)]).toEqual(["--as-of", "--help"]);
  });

  test("the help lists the commands (so the checks below have something to check)", () => {
    expect(commands).toEqual(expect.arrayContaining(["check", "build", "arbitrate", "template"]));
  });

  test("every command of the CLI has its section, and every command documented is in the CLI or on the list of those being added", () => {
    expect([...documented].sort()).toEqual([...new Set([...commands, ...NOT_YET_IN_THE_CLI])].sort());
  });

  test("a command being added that has landed is taken off the list (its options are then checked)", () => {
    expect(NOT_YET_IN_THE_CLI.filter((c) => commands.includes(c))).toEqual([]);
  });

  test("the options of iewsc itself and its help command are documented", () => {
    const options = longOptions(topHelp);
    expect(options).toEqual(expect.arrayContaining(["--version", "--help"]));
    expect(options.filter((o) => !documentedOptions(common).has(o))).toEqual([]);
    expect(common).toContain("iewsc help <command>");
  });

  test("every long option that each command's --help prints is documented for that command", () => {
    const undocumented: string[] = [];
    for (const command of commands) {
      const r = iewsc([command, "--help"]);
      expect(r.code).toBe(0);
      const options = longOptions(r.stdout);
      expect(options).toContain("--help");
      const documented = new Set([
        ...documentedOptions(cliDoc.get(`\`iewsc ${command}\``) ?? ""),
        ...documentedOptions(common),
      ]);
      undocumented.push(...options.filter((o) => !documented.has(o)).map((o) => `${command} ${o}`));
    }
    expect(undocumented).toEqual([]);
  });
});
