import { test, expect } from '@playwright/test';
import { remoteLoads, withoutAnalytics } from './allureHtml';

test('remote scripts, stylesheets, images, frames and CSS imports are found; links, data and relative URLs are not', () => {
  const html = `<html><head>
    <link rel="stylesheet" href="https://cdn.example.test/app.css">
    <link rel=preload href=//fonts.example.test/f.woff2>
    <style>@import url("https://fonts.example.test/css"); body { background: url(data:image/png;base64,AAAA) }</style>
    <script src="data:text/javascript;base64,AAAA"></script>
    <script src="app.js"></script>
  </head><body>
    <img alt="" src='http://images.example.test/logo.png'>
    <iframe src="https://frames.example.test/"></iframe>
    <a href="https://allurereport.org">Powered by</a>
  </body></html>`;
  expect(remoteLoads(html).sort()).toEqual([
    '//fonts.example.test/f.woff2',
    'http://images.example.test/logo.png',
    'https://cdn.example.test/app.css',
    'https://fonts.example.test/css',
    'https://frames.example.test/',
  ]);
});

test('the analytics tag Allure 3.18 writes is removed, and nothing else', () => {
  // As plugin-awesome's template writes it.
  const tag = `
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', { "report": "awesome" });
    </script>`;
  const before = '<body><div id="app"></div><script>window.allure = {};</script>';
  const after = '\n    <script async>window.allureReportDataReady = true;</script></body>';
  const cleaned = withoutAnalytics(before + tag + after);
  expect(cleaned).toBe(before + after);
  expect(remoteLoads(cleaned)).toEqual([]);
  expect(withoutAnalytics(cleaned)).toBe(cleaned);
});
