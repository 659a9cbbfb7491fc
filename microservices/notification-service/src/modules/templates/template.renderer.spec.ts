import { describe, expect, it } from 'vitest';
import { TemplateError, TemplateRenderer } from './template.renderer.js';

const renderer = new TemplateRenderer();

describe('TemplateRenderer', () => {
  it('renders subject, text and HTML with the variables it is given', async () => {
    const out = await renderer.render(
      { subject: 'Hi {{ name }}', text: 'Code {{ code }}', html: '<p>{{ code }}</p>' },
      { name: 'Rahim', code: '123456' },
      'en',
    );
    expect(out).toEqual({ subject: 'Hi Rahim', text: 'Code 123456', html: '<p>123456</p>' });
  });

  it('escapes variables in HTML but not in plain text', async () => {
    const out = await renderer.render(
      { text: 'Hello {{ name }}', html: '<p>Hello {{ name }}</p>' },
      { name: '<script>alert(1)</script>' },
      'en',
    );
    expect(out.text).toBe('Hello <script>alert(1)</script>');
    expect(out.html).toBe('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('formats minor units as money in the message language', async () => {
    const template = { text: '{{ total | money: currency }}' };
    expect((await renderer.render(template, { total: 125050, currency: 'BDT' }, 'en')).text).toBe(
      '৳1,250.50',
    );
    expect((await renderer.render(template, { total: '125050', currency: 'BDT' }, 'bn')).text).toBe(
      '১,২৫০.৫০৳',
    );
  });

  it('cannot read files: include and render find nothing', async () => {
    await expect(renderer.render({ text: "{% include '/etc/passwd' %}" }, {}, 'en')).rejects.toBeInstanceOf(
      TemplateError,
    );
    await expect(renderer.render({ text: "{% render 'package.json' %}" }, {}, 'en')).rejects.toThrow(/text/);
  });

  it('does not walk prototypes', async () => {
    const out = await renderer.render(
      { text: '[{{ name.constructor }}][{{ name.__proto__ }}]' },
      { name: {} },
      'en',
    );
    expect(out.text).toBe('[][]');
  });

  it('stops a render that runs too long', async () => {
    await expect(
      renderer.render({ text: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' }, {}, 'en'),
    ).rejects.toBeInstanceOf(TemplateError);
  });

  it('names the part that does not parse, and refuses unknown filters', () => {
    expect(() => renderer.check({ subject: 'ok', text: '{% if %}' })).toThrow(/^text: /);
    expect(() => renderer.check({ text: 'ok', html: '{{ x | shell }}' })).toThrow(/^html: .*shell/);
  });
});
