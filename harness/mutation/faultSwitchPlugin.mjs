// Stryker loads plugins in its worker processes too, which run plain Node: this loads the TypeScript
// plugin (faultSwitchIgnorer.ts) through tsx so every process can read it.
import { tsImport } from 'tsx/esm/api';

export const { strykerPlugins } = await tsImport('./faultSwitchIgnorer.ts', import.meta.url);
