import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Every screen of the desk, with what shows it has loaded. */
export interface Screen {
  name: string;
  path: string;
  demoOnly?: boolean;
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

export const SCREENS: Screen[] = [
  {
    name: 'queue',
    path: '/queue',
    ready: async (page) => {
      await expect(
        page.getByRole('grid', { name: 'Handoffs' }).getByRole('row').nth(1),
      ).toBeVisible();
    },
  },
  {
    name: 'checkpoint',
    path: '/handoffs/h-4521',
    ready: async (page) => {
      await expect(page.getByRole('textbox', { name: 'Reply to customer' })).toBeVisible();
    },
  },
  {
    name: 'dashboard',
    path: '/dashboard',
    ready: async (page) => {
      await heading('Lead dashboard')(page);
      await expect(page.getByRole('region', { name: 'Decisions by category' })).toBeVisible();
      await expect(page.locator('.dash-chart svg').first()).toBeVisible();
    },
  },
  { name: 'review', path: '/review', ready: heading('Post-hoc review') },
  {
    name: 'audit',
    path: '/audit',
    ready: async (page) => {
      await expect(
        page.getByRole('grid', { name: 'Audit log, newest first' }).getByRole('row').nth(1),
      ).toBeVisible();
    },
  },
  {
    name: 'policy',
    path: '/policy',
    ready: async (page) => {
      await heading('Routing policy')(page);
      await expect(page.getByRole('form', { name: 'Routing policy' })).toBeVisible();
    },
  },
  { name: 'demo', path: '/demo', demoOnly: true, ready: heading('Demo floor') },
];
