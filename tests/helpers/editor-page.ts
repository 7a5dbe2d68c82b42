import type { CDPSession, Page } from "playwright-core";

/** Types `text` as an IME would: each character composed from pinyin, then committed. */
export async function typeWithIme(page: Page, cdp: CDPSession, text: string, pinyin = "pin"): Promise<void> {
  for (const character of text) {
    for (let length = 1; length <= pinyin.length; length += 1) {
      const partial = pinyin.slice(0, length);
      await cdp.send("Input.imeSetComposition", { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    await cdp.send("Input.imeSetComposition", { text: character, selectionStart: 1, selectionEnd: 1 });
    await cdp.send("Input.insertText", { text: character });
  }
  await page.waitForTimeout(20);
}

/** Commits a whole phrase at once, as an IME does when the user picks a long candidate. */
export async function commitWithIme(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send("Input.imeSetComposition", { text: "ceshi", selectionStart: 5, selectionEnd: 5 });
  await cdp.send("Input.insertText", { text });
}

/** Replaces the body of one item with `text` (typed through an IME commit) and returns the editor's text. */
export async function fillBody(page: Page, cdp: CDPSession, itemId: string, text: string): Promise<string> {
  const editor = page.getByTestId(`body-editor-${itemId}`);
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // An IME commits one line at a time; paragraphs are split with a real Enter in between.
  for (const [index, line] of text.split("\n").entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await commitWithIme(cdp, line);
  }
  return (await editor.textContent()) ?? "";
}

/** Section ids in page order, from the drafting workspace. */
export async function sectionIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="section-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid")!.slice("section-".length)));
}

/** Item ids of one section, in order. */
export async function itemIds(page: Page, sectionId: string): Promise<string[]> {
  return page
    .getByTestId(`section-${sectionId}`)
    .locator('article[id^="item-"]')
    .evaluateAll((nodes) => nodes.map((node) => node.id.slice("item-".length)));
}

export async function waitForSaved(page: Page, timeout = 20_000): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout });
}
