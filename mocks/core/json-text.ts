import type { ApiReply } from './http-types';

/*
 * A write's item is written as JSON three times: into its row, into the idempotency record
 * (inside the reply it remembers) and into the reply itself. A `JsonTexts` serializes each
 * object once for one commit and builds the texts that contain it around that text, so the
 * commit and the reply share the work. It lives for one commit only: nothing holds the texts
 * of the whole world.
 */

/** JSON texts of one commit's objects, each made once. */
export class JsonTexts {
  private readonly known = new Map<object, string>();

  /** Exactly `JSON.stringify(value)`, reusing the text of any object already serialized here. */
  of(value: unknown): string {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const text = this.holdsKnown(value, 2)
      ? this.compose(value as Record<string, unknown>)
      : JSON.stringify(value);
    this.known.set(value, text);
    return text;
  }

  /** `of(value)` when that reuses a text already made here; undefined when it would not. */
  reusing(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    return this.known.has(value) || this.holdsKnown(value, 2) ? this.of(value) : undefined;
  }

  /** Whether `value` is a plain record with a known text among its values, `depth` levels down. */
  private holdsKnown(value: object, depth: number): boolean {
    if (!isPlainRecord(value)) return false;
    for (const part of Object.values(value)) {
      if (typeof part !== 'object' || part === null) continue;
      if (this.known.has(part) || (depth > 1 && this.holdsKnown(part, depth - 1))) return true;
    }
    return false;
  }

  /** The record as JSON.stringify writes it: own keys in order, values that JSON cannot hold left out. */
  private compose(record: Record<string, unknown>): string {
    const members: string[] = [];
    for (const key of Object.keys(record)) {
      const part = record[key];
      if (part === undefined || typeof part === 'function' || typeof part === 'symbol') continue;
      members.push(`${JSON.stringify(key)}:${this.of(part)}`);
    }
    return `{${members.join(',')}}`;
  }
}

function isPlainRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

/** Replies whose body text a commit already made, for the transport to send as it is. */
const replyTexts = new WeakMap<ApiReply, string>();

/** Records the JSON text of `reply`'s body for `bodyTextOf`, when its commit made most of it. */
export function keepBodyText(reply: ApiReply, texts: JsonTexts): void {
  const text = texts.reusing(reply.body);
  if (text !== undefined) replyTexts.set(reply, text);
}

/**
 * `JSON.stringify(reply.body)` for a reply whose commit already made that text, else
 * undefined. Keyed by the reply object: a reply rebuilt with another body is not found.
 */
export function bodyTextOf(reply: ApiReply): string | undefined {
  return replyTexts.get(reply);
}
