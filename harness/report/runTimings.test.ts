import { test, expect } from '@playwright/test';
import type { TestStep } from '@playwright/test/reporter';
import { actionKind, actionTimes } from './runTimings';

function step(title: string, category: string, duration: number, steps: TestStep[] = []): TestStep {
  // Only the fields actionTimes reads; the rest of a reporter's TestStep is not needed here.
  return { title, category, duration, steps } as unknown as TestStep;
}

test("Playwright's step titles are sorted by what they wait for", () => {
  expect(actionKind('Navigate to "/register"')).toBe('navigation');
  expect(actionKind('Wait for navigation')).toBe('navigation');
  expect(actionKind("Click locator('#create-passkey')")).toBe('input');
  expect(actionKind('Fill "alice" locator(\'#username\')')).toBe('input');
  expect(actionKind("Wait for selector locator('[data-message]')")).toBe('wait');
  expect(actionKind('Get attribute "data-provider"')).toBe('read');
  expect(actionKind("Query count locator('#x')")).toBe('read');
  expect(actionKind('Evaluate')).toBe('read');
  expect(actionKind('Send CDP command')).toBe('other');
});

test('each action and assertion counts once, inside steps and fixtures, its own children not again', () => {
  const times = actionTimes([
    step('Before Hooks', 'hook', 100, [step('Fixture "cellDevice"', 'fixture', 90, [step('Navigate to "about:blank"', 'pw:api', 12)])]),
    step('register a passkey', 'test.step', 300, [
      step('Navigate to "/register"', 'pw:api', 50),
      step("Click locator('#create-passkey')", 'pw:api', 35),
      step('Expect "toBe"', 'expect', 4, [step('Query count', 'pw:api', 3)]),
      // A step that never ended reports -1.
      step('Expect "poll toBe"', 'expect', -1),
    ]),
  ]);
  expect(times.navigation).toEqual({ count: 2, ms: 62 });
  expect(times.input).toEqual({ count: 1, ms: 35 });
  expect(times.wait).toEqual({ count: 2, ms: 4 });
  expect(times.read).toEqual({ count: 0, ms: 0 });
});
