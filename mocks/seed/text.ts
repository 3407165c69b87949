import type { Channel } from '../../src/api/handoff-schemas';

/** Languages the seeded world writes in; anything else is out of the demo's range. */
export type Language = 'en' | 'es' | 'de' | 'fr';

// Hand-rolled so text is identical under every runtime locale.
function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function cents(amount: number): [number, string] {
  const total = Math.round(amount * 100);
  return [Math.floor(total / 100), String(total % 100).padStart(2, '0')];
}

/** $1,234.50 for English, 1.234,50 € for the euro-zone customers. */
export function money(amount: number, language: Language = 'en'): string {
  const [whole, fraction] = cents(amount);
  if (language === 'en') return `$${grouped(whole)}.${fraction}`;
  return `${grouped(whole).replace(/,/g, '.')},${fraction} €`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const greetings: Record<Language, (first: string) => string> = {
  en: (first) => `Hi ${first},`,
  es: (first) => `Hola, ${first}:`,
  de: (first) => `Hallo ${first},`,
  fr: (first) => `Bonjour ${first},`,
};

const signOffs: Record<Language, string> = {
  en: 'Best regards,\nThe Lumen Support Team',
  es: 'Un saludo,\nEl equipo de soporte de Lumen',
  de: 'Viele Grüße\nIhr Lumen-Support-Team',
  fr: 'Cordialement,\nL’équipe support Lumen',
};

/** A reply as the customer receives it: greeting, the paragraphs, the team's sign-off. */
export function letter(
  language: Language,
  firstName: string,
  paragraphs: readonly string[],
): string {
  return [greetings[language](firstName), ...paragraphs, signOffs[language]].join('\n\n');
}

const openers: Record<Language, readonly string[]> = {
  en: ['Hi,', 'Hello,', 'Hi there,', 'Hello Lumen team,'],
  es: ['Hola,', 'Buenos días,'],
  de: ['Hallo,', 'Guten Tag,'],
  fr: ['Bonjour,'],
};

const closers: Record<Language, readonly string[]> = {
  en: ['Thanks,', 'Thank you,', 'Regards,', 'Cheers,'],
  es: ['Gracias,', 'Saludos,'],
  de: ['Danke,', 'Viele Grüße'],
  fr: ['Merci,', 'Cordialement,'],
};

/**
 * The customer's words as they arrive on each channel: an email has a greeting and a
 * signature, a chat is a run of short lines, a phone ticket is a voicemail transcript.
 */
export function frameMessage(
  paragraphs: readonly string[],
  channel: Channel,
  language: Language,
  who: { first: string; full: string },
  choose: <T>(items: readonly T[]) => T,
): string {
  switch (channel) {
    case 'email':
      return [
        choose(openers[language]),
        ...paragraphs,
        `${choose(closers[language])}\n${who.first}`,
      ].join('\n\n');
    case 'chat':
      return paragraphs.join('\n');
    case 'phone':
      return `Voicemail transcript: "${voicemailIntro(language, who.full)} ${paragraphs.join(' ')}"`;
    case 'web':
      return [...paragraphs, who.full].join('\n\n');
  }
}

function voicemailIntro(language: Language, full: string): string {
  switch (language) {
    case 'en':
      return `Hi, this is ${full}.`;
    case 'es':
      return `Hola, soy ${full}.`;
    case 'de':
      return `Hallo, hier ist ${full}.`;
    case 'fr':
      return `Bonjour, c’est ${full}.`;
  }
}
