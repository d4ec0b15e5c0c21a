import type { TestError } from '@playwright/test/reporter';
import type { StepTree } from './failedChecks';

const FILE = '/repo/harness/checks/expectPasskeyShown.ts';
const at = (line: number) => ({ file: FILE, line, column: 30 });

const icon: TestError = {
  message: "\u001b[31mError: the provider's own icon is shown\u001b[39m\n\nexpect(received).not.toBeNull()\n\nReceived: null",
  location: at(18),
};
const sync: TestError = {
  message: 'Error: sync state shown\n\nexpect(received).toBe(expected) // Object.is equality\n\nExpected: "device-bound"\nReceived: "synced"',
  location: at(23),
};
const stillHeld: TestError = {
  message: 'Error: the provider forgets it\n\nexpect(received).not.toContain(expected) // indexOf\n\nExpected value: not "cred-1"\nReceived array:     ["cred-1"]',
  location: { file: '/repo/scenarios/deleted-passkey-tidied.spec.ts', line: 30, column: 9 },
};
const timeout: TestError = { message: 'Test timeout of 30000ms exceeded.' };

const step = (title: string, category: string, steps: StepTree[] = [], error?: TestError, attachments: string[] = []): StepTree => ({
  title,
  category,
  steps,
  ...(error ? { error } : {}),
  attachments: attachments.map((name) => ({ name })),
});

/**
 * A failed test as Playwright reports it: two soft checks failed in one nested step (its helper
 * attached the expected-vs-observed evidence there), one in another step, then the test timed out.
 */
export const failedResultForTests: { errors: TestError[]; steps: StepTree[] } = {
  errors: [icon, sync, stillHeld, timeout],
  steps: [
    step('Before Hooks', 'hook', [step('fixture: rp', 'fixture')]),
    step('register a passkey', 'test.step', [step('page.goto', 'pw:api')]),
    step(
      'open the management page',
      'test.step',
      [
        step(
          'the management page names the provider',
          'test.step',
          [
            step("the provider's own icon is shown", 'expect', [], icon),
            step('sync state shown', 'expect', [], sync),
            step('Attach "expected vs observed: the passkey as shown"', 'test.attach', [], undefined, ['expected vs observed: the passkey as shown']),
          ],
          icon,
        ),
      ],
      icon,
    ),
    step('deleting a passkey', 'test.step', [step('the provider forgets it', 'test.step', [step('Expect poll "not toContain"', 'expect', [], stillHeld)], stillHeld)], stillHeld),
    step('After Hooks', 'hook'),
  ],
};
