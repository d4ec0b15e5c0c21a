import { test, expect, type TestInfo } from '@playwright/test';
import { z } from 'zod';
import { expandCells, type Cell } from '../matrix/cell';
import { loadMatrixData } from '../matrix/load';
import { labelForAllure } from './allureLabels';

const data = loadMatrixData();
const cells = expandCells(data.environments, data.providers, data.snapshots.at(-1)!);
const cell = (id: string): Cell => cells.find((c) => c.id === id)!;

/** allure-playwright's runtime hands each label or parameter to its reporter as an attachment of this type. */
const ALLURE_MESSAGE = 'application/vnd.allure.message+json';
const NameValue = z.object({ name: z.string(), value: z.string() });
const Message = z.object({
  type: z.string(),
  data: z.object({ labels: z.array(NameValue).optional(), parameters: z.array(NameValue).optional() }),
});

interface Sent {
  labels: z.infer<typeof NameValue>[];
  parameters: z.infer<typeof NameValue>[];
}

/**
 * Runs labelForAllure as the cell fixture does and returns what reached the Allure reporter, so the
 * test sees the labels the report is built from, not the function's intent.
 */
async function sentFor(target: Cell, testInfo: TestInfo): Promise<Sent> {
  const before = testInfo.attachments.length;
  await labelForAllure(target);
  const sent: Sent = { labels: [], parameters: [] };
  for (const attachment of testInfo.attachments.slice(before)) {
    if (attachment.contentType !== ALLURE_MESSAGE || !attachment.body) continue;
    const message = Message.parse(JSON.parse(attachment.body.toString('utf8')));
    if (message.type !== 'metadata') continue;
    sent.labels.push(...(message.data.labels ?? []));
    sent.parameters.push(...(message.data.parameters ?? []));
  }
  return sent;
}

/** The one value of a label; a second value would file the test under two branches of the tree. */
function only(sent: Sent, name: string): string | undefined {
  const values = sent.labels.filter((label) => label.name === name).map((label) => label.value);
  expect(values, `label ${name}`).toHaveLength(1);
  return values[0];
}

const parameter = (sent: Sent, name: string) => sent.parameters.find((p) => p.name === name)?.value;

test('a cell is filed under its OS (epic), browser (feature) and provider (story), its sync state a parameter', async ({}, testInfo) => {
  const cases = [
    { id: 'windows-edge/windows-hello/device-bound', epic: 'Windows', feature: 'Edge on Windows', story: 'Windows Hello', sync: 'device-bound' },
    { id: 'ios-safari/icloud-keychain/synced', epic: 'iOS/iPadOS', feature: 'Safari on iOS', story: 'iCloud Keychain', sync: 'synced' },
    { id: 'android-samsung-internet/1password/eligible', epic: 'Android', feature: 'Samsung Internet on Android', story: '1Password', sync: 'eligible' },
    { id: 'chromeos-chrome/security-key/device-bound', epic: 'ChromeOS', feature: 'Chrome on ChromeOS', story: 'YubiKey 5 Series with NFC', sync: 'device-bound' },
  ];
  for (const expected of cases) {
    const sent = await sentFor(cell(expected.id), testInfo);
    expect(only(sent, 'epic'), expected.id).toBe(expected.epic);
    expect(only(sent, 'feature'), expected.id).toBe(expected.feature);
    expect(only(sent, 'story'), expected.id).toBe(expected.story);
    expect(parameter(sent, 'sync'), expected.id).toBe(expected.sync);
  }
});

test('every environment is its own browser branch under its OS, every provider its own story, every sync state its own parameter', async ({}, testInfo) => {
  // The OS names of the seed's tables, as the compat report shows them.
  const osTitles: Record<string, string> = {
    windows: 'Windows', macos: 'macOS', ios: 'iOS/iPadOS', android: 'Android', linux: 'Linux', chromeos: 'ChromeOS',
  };
  const features = new Map<string, string>();
  for (const environment of data.environments) {
    const sent = await sentFor(cell(`${environment.id}/security-key/device-bound`), testInfo);
    expect(only(sent, 'epic'), environment.id).toBe(osTitles[environment.os]);
    const feature = only(sent, 'feature')!;
    expect(feature, environment.id).toBe(environment.label);
    expect(features.get(feature), `${environment.id} and another environment share the branch "${feature}"`).toBeUndefined();
    features.set(feature, environment.id);
  }
  const stories = new Set<string>();
  for (const provider of data.providers) {
    const story = only(await sentFor(cell(`windows-chrome/${provider.id}/synced`), testInfo), 'story')!;
    expect(story, provider.id).toBe(provider.name);
    stories.add(story);
  }
  expect(stories.size, 'one story per provider').toBe(data.providers.length);
  const syncs: (string | undefined)[] = [];
  for (const sync of ['synced', 'eligible', 'device-bound']) {
    syncs.push(parameter(await sentFor(cell(`windows-chrome/1password/${sync}`), testInfo), 'sync'));
  }
  expect(syncs).toEqual(['synced', 'eligible', 'device-bound']);
});
