/** What a failed check wanted and what it got, as Playwright's message words them; null where it does not say. */
export interface ExpectedAndReceived {
  expected: string | null;
  received: string | null;
}

/** A line that opens a labelled value: `Expected: 2`, `Expected value: not "a"`, `Received array: [1]`. */
const LABELLED = /^(Expected|Received)(?: [a-z ]+)?:(.*)$/;
/** Where the values end: a blank line, the next label, or what Playwright appends after them. */
const ENDS_VALUE = /^\s*$|^(Expected|Received)(?: [a-z ]+)?:|^Call Log:/;
/** Matchers that take no argument state their expectation in their name. */
const NAMED_EXPECTATION = /expect\(received\)\.(not\.)?toBe(Null|Defined|Undefined|Truthy|Falsy|NaN)\(\)/;

/**
 * Reads a Playwright expect message (ANSI codes stripped). `expect(observed).toBe(wanted)` labels the
 * observed value "Received", so the labels are taken as they are: a check must be written that way round.
 */
export function expectedAndReceived(message: string): ExpectedAndReceived {
  const lines = message.split('\n');
  const diff = fromDiff(lines);
  if (diff) return diff;
  const expected = labelled(lines, 'Expected') ?? namedExpectation(message);
  return { expected, received: labelled(lines, 'Received') };
}

/** The first value with this label, with any lines it runs on to (a multi-line string). */
function labelled(lines: string[], label: 'Expected' | 'Received'): string | null {
  const start = lines.findIndex((line) => LABELLED.exec(line)?.[1] === label);
  if (start < 0) return null;
  const value = [LABELLED.exec(lines[start]!)![2]!.trim()];
  for (const line of lines.slice(start + 1)) {
    if (ENDS_VALUE.test(line)) break;
    value.push(line);
  }
  return value.join('\n');
}

function namedExpectation(message: string): string | null {
  const found = NAMED_EXPECTATION.exec(message);
  if (!found) return null;
  return `${found[1] ? 'not ' : ''}${found[2] === 'NaN' ? 'NaN' : found[2]!.toLowerCase()}`;
}

/**
 * A deep-equality failure shows a diff (`- Expected`, `+ Received`, then the value with `-`/`+`
 * lines): each side is the lines common to both plus its own.
 */
function fromDiff(lines: string[]): ExpectedAndReceived | null {
  const header = lines.findIndex((line) => line.startsWith('- Expected'));
  if (header < 0 || !lines[header + 1]?.startsWith('+ Received')) return null;
  const body: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (line.startsWith('Call Log:')) break;
    if (body.length || line.trim() !== '') body.push(line);
  }
  while (body.length && body[body.length - 1]!.trim() === '') body.pop();
  const side = (own: '-' | '+') =>
    body
      .filter((line) => line[0] === own || line[0] === ' ' || line === '')
      .map((line) => line.slice(2))
      .join('\n');
  return { expected: side('-'), received: side('+') };
}
