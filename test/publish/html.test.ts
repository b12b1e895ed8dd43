// The HTML templates escape by default: only markup built by `html` passes through unescaped.
import { describe, expect, it } from 'vitest';
import { definitionList, html, publicUrl, toText } from '../../src/site/html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(toText(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('lets nested templates and lists of them through once, never escaping twice', () => {
    const items = ['a<b', 'c&d'].map((x) => html`<li>${x}</li>`);
    expect(toText(html`<ul>${items}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
  });

  it('renders nothing for false, null and undefined, and numbers as text', () => {
    expect(toText(html`${false}${null}${undefined}${0}${12.5}`)).toBe('012.5');
  });

  it('keeps long markup in pieces of some thousands of characters that give, encoded one by one, the bytes of the whole', () => {
    // Each row ends in the first half of a surrogate pair and the next begins with its second half,
    // so a piece cut after any row would split a pair; escaped text and markup in between.
    const rows = Array.from({ length: 3000 }, (_, i) => html`${'\uDE00'}<li>${`${i} <æ>`}</li>${'\uD83D'}`);
    const list = html`<ul>${rows}</ul>`;
    const page = html`<main>${list}<p>${'slut & ende'}</p></main>\n`;
    const whole = `<main><ul>${Array.from({ length: 3000 }, (_, i) => `\uDE00<li>${i} &lt;æ&gt;</li>\uD83D`).join('')}</ul><p>slut &amp; ende</p></main>\n`;
    expect(page.long).toBe(true);
    expect(page.text).toBe(whole);
    expect(page.pieces.join('')).toBe(whole);
    expect(page.pieces.length).toBeGreaterThan(5);
    expect(Math.max(...page.pieces.map((p) => p.length))).toBeLessThan(3 * 8192);
    expect(Buffer.concat(page.pieces.map((p) => Buffer.from(p, 'utf8')))).toEqual(Buffer.from(whole, 'utf8'));
    expect(html`<p>${'kort'}</p>`.long).toBe(false);
  });
});

describe('definitionList', () => {
  it('gives the text html gives with markup per pair: labels and text escaped, markup and lists through once', () => {
    const pairs = [
      ['Navn <x>', `a & 'b'`],
      ['Link', html`<a href="/x">${'<y>'}</a>`],
      ['Antal', 3],
      ['Liste', [html`<i>1</i>`, ' & <2>']],
    ] as const;
    const perPair = html`<dl class="facts">${pairs.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
    expect(toText(definitionList(pairs))).toBe(toText(perPair));
    expect(toText(definitionList(pairs))).toBe(
      '<dl class="facts"><div><dt>Navn &lt;x&gt;</dt><dd>a &amp; &#39;b&#39;</dd></div><div><dt>Link</dt><dd><a href="/x">&lt;y&gt;</a></dd></div>'
      + '<div><dt>Antal</dt><dd>3</dd></div><div><dt>Liste</dt><dd><i>1</i> &amp; &lt;2&gt;</dd></div></dl>',
    );
    expect(toText(definitionList([]))).toBe('<dl class="facts"></dl>');
  });
});

describe('publicUrl', () => {
  it('links only absolute http(s) addresses without a user name or password', () => {
    expect(publicUrl('https://www.rm.dk')).toBe('https://www.rm.dk/');
    expect(publicUrl('http://forening.example/side?a=1')).toBe('http://forening.example/side?a=1');
    expect(publicUrl('javascript:alert(1)')).toBeUndefined();
    expect(publicUrl('mailto:person@example.com')).toBeUndefined();
    expect(publicUrl('https://user:secret@forening.example')).toBeUndefined();
    expect(publicUrl('/relative/path')).toBeUndefined();
    expect(publicUrl(undefined)).toBeUndefined();
  });
});
