/**
 * Limits on the shape of a JSON body, checked by one pass over the text before JSON.parse and
 * before anything recurses over the value: a body nested thousands deep used to overflow the
 * stack (500) after ~100 ms of work. No route takes more than a few levels or a few items.
 */
export const MAX_JSON_DEPTH = 32;
/** Elements of one array, or members of one object. */
export const MAX_JSON_ITEMS = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * What is wrong with the body's shape, or null. Malformed text may slip through (JSON.parse
 * refuses it next); a well-formed body over a limit never does.
 */
export function jsonShapeProblem(text: string): string | null {
  const items: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (items.push(1) > MAX_JSON_DEPTH) return `is nested deeper than ${MAX_JSON_DEPTH} levels`;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      items.pop();
    } else if (c === COMMA && items.length > 0) {
      if (++items[items.length - 1]! > MAX_JSON_ITEMS) return `has an array or object with more than ${MAX_JSON_ITEMS} items`;
    }
  }
  return null;
}
