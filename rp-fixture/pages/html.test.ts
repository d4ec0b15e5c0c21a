import { expect, test } from '@playwright/test';
import { html } from './html';

test('interpolations are escaped; nested html and arrays are not double-escaped', () => {
  const name = `<img src=x onerror="alert('1')">&`;
  expect(html`<p title="${name}">${name}</p>`.value).toBe(
    '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</p>',
  );
  expect(html`<ul>${['a<', 'b'].map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
});
