/** Exits 0 and says which Chromium a run will use, or exits 1 with the one line that says what to install. */
import { findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';

const choice = findChromium();
if (choice) {
  console.log(`Chromium: ${choice.executablePath} (${choice.origin})`);
} else {
  console.error(MISSING_BROWSER_MESSAGE);
  process.exitCode = 1;
}
