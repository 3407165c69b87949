/*
 * The fictional store behind the demo: Lumen, a home-electronics retailer with an app and a
 * paid membership. Enough variety that a reviewer scrolling the queue sees distinct people
 * and orders, not the same sentence repeated.
 */

export const firstNames = [
  'Maria',
  'James',
  'Aisha',
  'Tom',
  'Priya',
  'Lucas',
  'Hannah',
  'Kenji',
  'Fatima',
  'Oliver',
  'Sofia',
  'Daniel',
  'Grace',
  'Mateo',
  'Chloe',
  'Samuel',
  'Amara',
  'Noah',
  'Elena',
  'Ravi',
  'Isabel',
  'Ethan',
  'Mei',
  'Jonas',
  'Zara',
  'Liam',
  'Nadia',
  'Owen',
  'Leila',
  'Marcus',
  'Yuki',
  'Peter',
  'Ines',
  'Kwame',
  'Rosa',
  'Felix',
  'Anya',
  'Diego',
  'Holly',
  'Tariq',
] as const;

export const lastNames = [
  'Garcia',
  'Okafor',
  'Smith',
  'Nakamura',
  'Patel',
  'Müller',
  'Johnson',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Brown',
  'Fernández',
  'Novak',
  'Chen',
  'Williams',
  'Dubois',
  'Andersson',
  'Mensah',
  'Kim',
  'Murphy',
  'Silva',
  'Cohen',
  'Taylor',
  'Ivanova',
  'Lopez',
  'Schmidt',
  'Walker',
  'Osei',
  'Moreau',
  'Hughes',
  'Reyes',
  'Bakker',
  'Singh',
  'Evans',
  'Costa',
  'Lindqvist',
] as const;

export const consumerDomains = [
  'example.com',
  'example.net',
  'example.org',
  'mail.example',
] as const;

/** Businesses on the enterprise plan buy in bulk for offices and stores. */
export const companies = [
  { name: 'Northwind Logistics', domain: 'northwind.example' },
  { name: 'Bluebird Hotels', domain: 'bluebird-hotels.example' },
  { name: 'Fernhill Schools', domain: 'fernhill.example' },
  { name: 'Contoso Dental', domain: 'contoso-dental.example' },
  { name: 'Harbor & Pine Cafés', domain: 'harborpine.example' },
  { name: 'Atlas Coworking', domain: 'atlas-cowork.example' },
] as const;

export interface Product {
  name: string;
  /** Whole dollars plus cents, as the receipt shows it. */
  price: number;
  /** A part that plausibly arrives broken. */
  part: string;
  colors: readonly string[];
  /** Whether it connects to the app (pairing and firmware stories only fit these). */
  smart: boolean;
}

/** One product of the range, its fields in the order `Product` lists them. */
type ProductRow = readonly [
  name: string,
  price: number,
  part: string,
  colors: readonly string[],
  smart: boolean,
];

const productRows: readonly ProductRow[] = [
  ['Aurora smart lamp', 89, 'glass shade', ['white', 'sand', 'graphite'], true],
  ['Pulse wireless headset', 149, 'headband', ['black', 'silver', 'navy'], true],
  ['Nimbus air purifier', 229, 'front panel', ['white', 'grey'], true],
  ['Atlas standing desk', 649, 'leg frame', ['oak', 'walnut', 'white'], false],
  ['Echo Mini speaker', 59.99, 'grille', ['coral', 'charcoal', 'mint'], true],
  ['Halo video doorbell', 179, 'mounting bracket', ['black', 'satin nickel'], true],
  ['Brewmaster coffee grinder', 119.5, 'hopper lid', ['black', 'steel'], false],
  ['Terra robot vacuum', 399, 'charging dock', ['black', 'white'], true],
  ['Lumen 4K streaming stick', 49, 'remote', ['black'], true],
  ['Cirrus ceiling fan', 289, 'blade set', ['white', 'brushed brass'], true],
];

export const products: readonly Product[] = productRows.map(
  ([name, price, part, colors, smart]) => ({ name, price, part, colors, smart }),
);

export const carriers = ['ParcelCo', 'SwiftPost', 'Northline Freight', 'CityCourier'] as const;

export const devices = [
  'iPhone 15',
  'Pixel 8',
  'Galaxy S23',
  'iPad Air',
  'OnePlus 12',
  'iPhone 13',
] as const;

export const appScreens = ['Orders', 'Devices', 'Account', 'Scenes', 'Checkout'] as const;

export const cities = [
  'Lisbon',
  'Lagos',
  'Warsaw',
  'Singapore',
  'São Paulo',
  'Toronto',
  'Manila',
  'Bucharest',
] as const;

export const membership = { name: 'Lumen Plus', monthly: 12.99, yearly: 119 } as const;
