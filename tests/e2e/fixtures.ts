import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/*
 * Every journey starts from a freshly seeded demo world: the demo keeps its world in
 * IndexedDB, so each test gets a new browser context (empty storage) and waits until the
 * in-browser backend answers.
 */
export const test = base.extend<{ desk: Desk }>({
  desk: async ({ page }, use) => {
    await use(new Desk(page));
  },
});
export { expect };

export class Desk {
  constructor(readonly page: Page) {}

  async openQueue(query = '') {
    await this.page.goto(`/queue${query}`);
    await expect(this.page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
  }

  async openHandoff(id: string) {
    await this.page.goto(`/handoffs/${id}`);
    await expect(this.editor).toBeVisible();
  }

  get editor() {
    return this.page.getByRole('textbox', { name: 'Reply to customer' });
  }

  actions() {
    return this.page.getByRole('region', { name: /actions/i });
  }

  async actAs(name: RegExp) {
    const select = this.page.getByLabel('Acting as');
    const option = select.locator('option', { hasText: name });
    await select.selectOption((await option.getAttribute('value')) ?? '');
  }

  /** Serious or critical accessibility violations on the current screen. */
  async seriousViolations() {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
}
