/** [from, to) ranges of text enclosed by `open` … `close` within one line (e.g. 《…》 document titles). */
export function enclosedRanges(text: string, open: string, close: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === open && start === -1) start = index;
    else if (char === close && start !== -1) {
      ranges.push([start, index + 1]);
      start = -1;
    } else if (char === "\n") start = -1;
  }
  return ranges;
}

/** Whether `position` falls in one of the sorted, disjoint `ranges` (binary search). */
export function isInRanges(ranges: ReadonlyArray<[number, number]>, position: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = ranges[middle]!;
    if (position < from) high = middle - 1;
    else if (position >= to) low = middle + 1;
    else return true;
  }
  return false;
}
