/**
 * A Stryker ignorer plugin: leaves the fixture RP's fault switches unmutated. A switch
 * (`faultOn(faults, 'name')`, rp-fixture/faults.ts) is off in every run that judges a mutant, so a
 * mutant that disables it always survives and one that forces it on is a fault the selftest already
 * injects. Whether the matrix catches each switch is proven by `npm run selftest`, not here. Stryker
 * reports these mutants as Ignored with the reason below.
 */

/** The part of a Babel AST node this ignorer reads (Stryker passes Babel's NodePath). */
interface AstNode {
  type: string;
  [field: string]: unknown;
}

/** The part of a Babel NodePath this ignorer reads. */
export interface AstPath {
  node: AstNode;
  key?: string | number | null;
  parentPath?: AstPath | null;
}

export const FAULT_SWITCH_REASON = 'fault switch: off in every run that judges a mutant; npm run selftest proves the matrix catches it switched on';

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `faultOn(...)`. */
export function isFaultCall(node: unknown): boolean {
  if (!isNode(node) || node.type !== 'CallExpression') return false;
  const callee = node['callee'];
  return isNode(callee) && callee.type === 'Identifier' && callee['name'] === 'faultOn';
}

/** `faultOn(...)` or `faultOn(...) && more`: the test of a branch taken only when the switch is on. */
function isFaultTest(node: unknown): boolean {
  if (isFaultCall(node)) return true;
  return isNode(node) && node.type === 'LogicalExpression' && node['operator'] === '&&' && isFaultCall(node['left']);
}

/** The reason to ignore the node and everything in it, or undefined to mutate it. */
export function faultSwitchReason(path: AstPath): string | undefined {
  const { node } = path;
  // `faultOn(...)` anywhere, and its negation.
  if (isFaultCall(node)) return FAULT_SWITCH_REASON;
  if (node.type === 'UnaryExpression' && node['operator'] === '!' && isFaultCall(node['argument'])) return FAULT_SWITCH_REASON;
  // `if (faultOn(...)) <what the fault does>` with no else: the whole statement is the switch.
  if (node.type === 'IfStatement' && isFaultTest(node['test']) && node['alternate'] == null) return FAULT_SWITCH_REASON;
  // `faultOn(...) ? <what the fault does> : <the real behaviour>`: the fault's branch only.
  const parent = path.parentPath?.node;
  if (path.key === 'consequent' && parent?.type === 'ConditionalExpression' && isFaultTest(parent['test'])) return FAULT_SWITCH_REASON;
  return undefined;
}

/** Stryker's plugin declaration, written out: its api package (declareValuePlugin) is not a direct dependency. */
export const strykerPlugins = [{ kind: 'Ignore', name: 'fault-switch', value: { shouldIgnore: faultSwitchReason } }];
