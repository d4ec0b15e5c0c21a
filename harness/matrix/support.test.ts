import { expect, test } from '@playwright/test';
import { loadMatrixData, selectSnapshot } from './load';
import { anotherProvider, isUsable, otherProviders } from './support';

const data = loadMatrixData();
const snapshot = selectSnapshot(data);
const environment = (id: string) => data.environments.find((e) => e.id === id)!;

test('otherProviders: each usable here, none twice, never the one excepted; the built-in defaults first', () => {
  for (const env of data.environments) {
    for (const except of data.providers) {
      const others = otherProviders(snapshot, env, data.providers, except.id);
      const ids = others.map((p) => p.id);
      expect(new Set(ids).size, `${env.id} beside ${except.id}`).toBe(ids.length);
      expect(ids, `${env.id} beside ${except.id}`).not.toContain(except.id);
      expect(others.every((p) => isUsable(snapshot, env, p.id)), `${env.id} beside ${except.id}`).toBe(true);
      expect(anotherProvider(snapshot, env, data.providers, except.id)?.id ?? null).toBe(ids[0] ?? null);
    }
  }
  const windows = environment('windows-edge');
  const defaults = (snapshot.tables.windows.defaults['edge'] ?? []).filter((id) => isUsable(snapshot, windows, id));
  const others = otherProviders(snapshot, windows, data.providers, 'security-key').map((p) => p.id);
  expect(others.slice(0, defaults.length)).toEqual(defaults.filter((id) => id !== 'security-key'));
  // Every usable provider but the one excepted, so a scenario can ask for two others where there are.
  const usable = data.providers.filter((p) => p.id !== 'security-key' && isUsable(snapshot, windows, p.id)).map((p) => p.id);
  expect([...others].sort()).toEqual([...usable].sort());
});
