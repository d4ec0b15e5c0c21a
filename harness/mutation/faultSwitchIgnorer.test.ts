import { expect, test } from '@playwright/test';
import { FAULT_SWITCH_REASON, faultSwitchReason, type AstPath } from './faultSwitchIgnorer';

const faultCall = { type: 'CallExpression', callee: { type: 'Identifier', name: 'faultOn' }, arguments: [] };
const otherCall = { type: 'CallExpression', callee: { type: 'Identifier', name: 'usableHere' }, arguments: [] };
const at = (node: AstPath['node'], key?: string, parent?: AstPath['node']): AstPath => ({ node, key, parentPath: parent ? { node: parent } : null });

test('fault switches are ignored: the call, its negation, an if without else, the fault branch of a ternary', () => {
  expect(faultSwitchReason(at(faultCall))).toBe(FAULT_SWITCH_REASON);
  expect(faultSwitchReason(at({ type: 'UnaryExpression', operator: '!', argument: faultCall }))).toBe(FAULT_SWITCH_REASON);
  expect(faultSwitchReason(at({ type: 'IfStatement', test: faultCall, consequent: { type: 'ReturnStatement' }, alternate: null }))).toBe(FAULT_SWITCH_REASON);
  const mislabel = { type: 'LogicalExpression', operator: '&&', left: faultCall, right: otherCall };
  expect(faultSwitchReason(at({ type: 'IfStatement', test: mislabel, consequent: { type: 'BlockStatement' }, alternate: null }))).toBe(FAULT_SWITCH_REASON);
  const ternary = { type: 'ConditionalExpression', test: faultCall, consequent: { type: 'NullLiteral' }, alternate: otherCall };
  expect(faultSwitchReason(at({ type: 'NullLiteral' }, 'consequent', ternary))).toBe(FAULT_SWITCH_REASON);
});

test('the real behaviour beside a switch is still mutated', () => {
  expect(faultSwitchReason(at(otherCall))).toBeUndefined();
  const ternary = { type: 'ConditionalExpression', test: faultCall, consequent: { type: 'NullLiteral' }, alternate: otherCall };
  expect(faultSwitchReason(at(otherCall, 'alternate', ternary))).toBeUndefined();
  expect(faultSwitchReason(at({ type: 'IfStatement', test: faultCall, consequent: { type: 'BlockStatement' }, alternate: { type: 'BlockStatement' } }))).toBeUndefined();
  expect(faultSwitchReason(at({ type: 'LogicalExpression', operator: '||', left: faultCall, right: otherCall }))).toBeUndefined();
  expect(faultSwitchReason(at({ type: 'UnaryExpression', operator: '!', argument: otherCall }))).toBeUndefined();
});
