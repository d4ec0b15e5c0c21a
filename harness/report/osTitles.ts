import type { OsId } from '../matrix/schema';

/** How the seed's tables, the HTML report and Allure name each OS. */
export const OS_TITLES: Record<OsId, string> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: 'iOS/iPadOS',
  android: 'Android',
  linux: 'Linux',
  chromeos: 'ChromeOS',
};
