/*
 * A reply is greeting, body paragraphs, sign-off. Revisions rework the body and may restyle
 * the greeting and closing line, but never drop them: a redirected draft must still read as
 * a letter to the same customer.
 */

export interface LetterParts {
  greeting: string | null;
  body: string[];
  signOff: string | null;
}

const greetingStart =
  /^(hi|hello|hey|dear|good (morning|afternoon|evening)|hola|buenos días|estimad[oa]|hallo|guten tag|sehr geehrte|bonjour)\b/i;
const closingStart =
  /^(best|kind|warm|many thanks|thanks|thank you|regards|cheers|sincerely|yours|un saludo|saludos|atentamente|viele grüße|mit freundlichen|cordialement|bien à vous)\b/i;

export function splitLetter(text: string): LetterParts {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  let greeting: string | null = null;
  let signOff: string | null = null;
  const first = paragraphs[0];
  if (
    first !== undefined &&
    !first.includes('\n') &&
    first.length <= 80 &&
    greetingStart.test(first)
  ) {
    greeting = first;
    paragraphs.shift();
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && closingStart.test(last) && last.split('\n').length <= 3) {
    signOff = last;
    paragraphs.pop();
  }
  return { greeting, body: paragraphs, signOff };
}

export function joinLetter({ greeting, body, signOff }: LetterParts): string {
  return [greeting, ...body, signOff]
    .filter((p): p is string => p !== null && p !== '')
    .join('\n\n');
}

/** Swaps the closing line ("Best regards,") and keeps who signs it. */
export function withClosing(signOff: string | null, closing: string): string | null {
  if (signOff === null) return null;
  const [, ...signer] = signOff.split('\n');
  return [closing, ...signer].join('\n');
}
