/**
 * The few browser globals that code passed to page.evaluate uses. The tools' tsconfig has no DOM
 * library (sandbox/, bench/ and e2e/ run in Node), so in-page code reaches them through this shape:
 * `(globalThis as unknown as PageGlobals).document`. Only the type may be imported: a function passed
 * to page.evaluate is sent as source text and cannot call anything defined in Node.
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
  getBoundingClientRect(): { readonly top: number; readonly left: number };
}

export interface PageGlobals {
  requestAnimationFrame(callback: (time: number) => void): number;
  readonly document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
}
