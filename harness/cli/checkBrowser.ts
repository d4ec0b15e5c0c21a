/**
 * Exits 0 and says which Chromium a run will use, or exits 1 with the one line that says what to install.
 * With --headless-shell it also exits 1 when the choice is not the headless shell, so a set-up script knows to install it.
 */
import { findChromium, MISSING_BROWSER_MESSAGE } from '../browser/findChromium';

const wantShell = process.argv.includes('--headless-shell');
const choice = findChromium();
if (!choice) {
  console.error(MISSING_BROWSER_MESSAGE);
  process.exitCode = 1;
} else {
  console.log(`Chromium: ${choice.executablePath} (${choice.build}, ${choice.origin})`);
  if (wantShell && choice.build !== 'headless-shell') {
    console.error("Not the headless shell: apt-get install chromium-headless-shell (or set CHROMIUM_PATH to one).");
    process.exitCode = 1;
  }
}
