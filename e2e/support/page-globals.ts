/**
 * The few browser globals that code passed to page.evaluate uses. The tools' tsconfig has no DOM
 * library (sandbox/, bench/ and e2e/ run in Node), so in-page code reaches them through this shape.
 */
export interface PageElement {
  readonly dataset: Record<string, string | undefined>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

export interface PageGlobals {
  requestAnimationFrame(callback: (time: number) => void): number;
  readonly document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
}

export const pageGlobals = (): PageGlobals => globalThis as unknown as PageGlobals;
