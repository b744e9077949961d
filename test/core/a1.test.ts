import { growBox, rangeOf } from "../../core";

describe("rangeOf: a table's ref as a program wrote it, or nothing", () => {
  test.each([
    ["A1:J501", { top: 1, left: 1, bottom: 501, right: 10 }],
    ["$B$2:$D$9", { top: 2, left: 2, bottom: 9, right: 4 }],
    ["c5", { top: 5, left: 3, bottom: 5, right: 3 }],
    ["XFD1048576", { top: 1048576, left: 16384, bottom: 1048576, right: 16384 }],
    ["D9:B2", { top: 2, left: 2, bottom: 9, right: 4 }],
  ])("%s", (ref, box) => {
    expect(rangeOf(ref)).toEqual(box);
  });

  test.each(["", "A", "1", "A1:B2:C3", "Roster!A1:B2", "AAAA1", "A1:"])("%j is no range", (ref) => {
    expect(rangeOf(ref)).toBeUndefined();
  });
});

test("growBox: the smallest box holding every cell given, whatever their order", () => {
  let box: ReturnType<typeof growBox> | undefined;
  for (const [r, c] of [
    [5, 3],
    [2, 7],
    [9, 1],
    [4, 4],
  ] as const)
    box = growBox(box, r, c);
  expect(box).toEqual({ top: 2, left: 1, bottom: 9, right: 7 });
});
