import { followOfficeTheme } from "../../addin/taskpane/theme";
import { stateOf } from "../../addin/taskpane/glance";

/** A document whose root element records its classes, in a window whose system mode is `systemDark`. */
function doc(systemDark?: boolean) {
  const classes = new Set<string>();
  const toggle = (name: string, on: boolean) => void (on ? classes.add(name) : classes.delete(name));
  let listener: ((e: { matches: boolean }) => void) | undefined;
  const matchMedia =
    systemDark === undefined
      ? undefined
      : (query: string) => {
          expect(query).toBe("(prefers-color-scheme: dark)");
          return {
            matches: systemDark,
            addEventListener: (_: string, f: typeof listener) => {
              listener = f;
            },
          };
        };
  return {
    classes,
    systemChanges: (dark: boolean) => listener?.({ matches: dark }),
    document: { documentElement: { classList: { toggle } }, defaultView: { matchMedia } } as unknown as Document,
  };
}

describe("the pane follows Office's theme", () => {
  test.each([
    ["#262626", "dark"], // Office's dark grey
    ["#000000", "dark"], // black
    ["#FFFFFF", "light"], // white
    ["#E6E6E6", "light"], // colourful / light grey
  ])("a body background of %s is %s, whatever the system's mode", (bodyBackgroundColor, theme) => {
    const d = doc(theme === "light");
    followOfficeTheme({ bodyBackgroundColor }, d.document);
    expect([...d.classes]).toEqual([theme]);
  });

  test("without Office's theme the system's mode decides, and is followed when it changes", () => {
    const d = doc(true);
    followOfficeTheme(undefined, d.document);
    expect([...d.classes]).toEqual(["dark"]);
    d.systemChanges(false);
    expect([...d.classes]).toEqual(["light"]);
  });

  test("a background that is no colour is not Office's word: the system's mode decides", () => {
    const d = doc(false);
    followOfficeTheme({ bodyBackgroundColor: "transparent" }, d.document);
    expect([...d.classes]).toEqual(["light"]);
  });

  test("with neither (no matchMedia) nothing is set: the light palette stands", () => {
    const d = doc();
    followOfficeTheme(undefined, d.document);
    expect([...d.classes]).toEqual([]);
  });
});

describe("the glance: red with an error, amber with a warning, else green", () => {
  test.each([
    [
      { errors: 2, warnings: 1, info: 0 },
      { rag: "red", text: "2 errors" },
    ],
    [
      { errors: 0, warnings: 1, info: 3 },
      { rag: "amber", text: "1 warning" },
    ],
    [
      { errors: 0, warnings: 0, info: 1 },
      { rag: "green", text: "1 note" },
    ],
    [
      { errors: 0, warnings: 0, info: 0 },
      { rag: "green", text: "all clear" },
    ],
  ])("%j → %j", (summary, state) => {
    expect(stateOf(summary)).toEqual(state);
  });
});
