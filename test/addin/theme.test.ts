import { followOfficeTheme } from "../../addin/taskpane/theme";
import { stateOf } from "../../addin/taskpane/glance";

/** A document whose root element records its classes. */
function doc() {
  const classes = new Set<string>();
  const toggle = (name: string, on: boolean) => void (on ? classes.add(name) : classes.delete(name));
  return { classes, document: { documentElement: { classList: { toggle } } } as unknown as Document };
}

describe("the pane follows Office's theme", () => {
  test.each([
    ["#262626", "dark"], // Office's dark grey
    ["#000000", "dark"], // black
    ["#FFFFFF", "light"], // white
    ["#E6E6E6", "light"], // colourful / light grey
  ])("a body background of %s is %s", (bodyBackgroundColor, theme) => {
    const d = doc();
    followOfficeTheme({ bodyBackgroundColor }, d.document);
    expect([...d.classes]).toEqual([theme]);
  });

  test("without Office's theme the system's light or dark mode decides (nothing is set)", () => {
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
