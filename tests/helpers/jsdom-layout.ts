// jsdom has no layout: a Range has neither getClientRects nor getBoundingClientRect.
// ProseMirror measures a Range when it scrolls the selection into view (Tiptap's focus command does so one animation
// frame later), which would throw an uncaught TypeError in a jsdom test. Give jsdom the empty geometry a hidden
// element has in a browser, so the editor's own code runs unchanged. Files in the node environment are untouched.
if (typeof Range !== "undefined" && !("getClientRects" in Range.prototype)) {
  const emptyRect = () => new DOMRect(0, 0, 0, 0);
  Object.defineProperties(Range.prototype, {
    getClientRects: {
      configurable: true,
      value(): DOMRectList {
        const list: DOMRect[] & { item?: (index: number) => DOMRect | null } = [];
        list.item = (index) => list[index] ?? null;
        return list as unknown as DOMRectList;
      },
    },
    getBoundingClientRect: { configurable: true, value: emptyRect },
  });
}
