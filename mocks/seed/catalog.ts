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

export const products: readonly Product[] = [
  {
    name: 'Aurora smart lamp',
    price: 89,
    part: 'glass shade',
    colors: ['white', 'sand', 'graphite'],
    smart: true,
  },
  {
    name: 'Pulse wireless headset',
    price: 149,
    part: 'headband',
    colors: ['black', 'silver', 'navy'],
    smart: true,
  },
  {
    name: 'Nimbus air purifier',
    price: 229,
    part: 'front panel',
    colors: ['white', 'grey'],
    smart: true,
  },
  {
    name: 'Atlas standing desk',
    price: 649,
    part: 'leg frame',
    colors: ['oak', 'walnut', 'white'],
    smart: false,
  },
  {
    name: 'Echo Mini speaker',
    price: 59.99,
    part: 'grille',
    colors: ['coral', 'charcoal', 'mint'],
    smart: true,
  },
  {
    name: 'Halo video doorbell',
    price: 179,
    part: 'mounting bracket',
    colors: ['black', 'satin nickel'],
    smart: true,
  },
  {
    name: 'Brewmaster coffee grinder',
    price: 119.5,
    part: 'hopper lid',
    colors: ['black', 'steel'],
    smart: false,
  },
  {
    name: 'Terra robot vacuum',
    price: 399,
    part: 'charging dock',
    colors: ['black', 'white'],
    smart: true,
  },
  { name: 'Lumen 4K streaming stick', price: 49, part: 'remote', colors: ['black'], smart: true },
  {
    name: 'Cirrus ceiling fan',
    price: 289,
    part: 'blade set',
    colors: ['white', 'brushed brass'],
    smart: true,
  },
];

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
