import type { Locator, Page } from '@playwright/test';

/** Ctrl+K: jump to any broker or topic. */
export class JumpBox {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('jump-box');
    this.input = page.getByTestId('jump-input');
    this.results = page.getByTestId('jump-result');
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+k');
  }
}
