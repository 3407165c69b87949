import './zod-config';
import { z } from 'zod/mini';

/** Text a person must write into a request (a reason, a note): trimmed, `min` to 5,000 characters. */
export const requiredText = (what: string, min: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(min, `${what} is required (at least ${min} characters).`),
      z.maxLength(5000, `${what} is longer than 5,000 characters.`),
    );
