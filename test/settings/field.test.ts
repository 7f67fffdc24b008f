/** The form's field for each kind of setting, rendered on the server (no DOM needed). */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Field from '../../src/components/Field.svelte';
import { SETTING_ENTRIES } from '../../src/settings/schema.ts';
import { CHOICE_ENTRIES } from './choice-schema.ts';

const html = (props: Parameters<typeof render<typeof Field>>[1]) =>
  render(Field, props).body.replace(/<!--[^>]*-->/g, '');

describe('Field', () => {
  it('draws a choice as a select of its options, by label, the value selected', () => {
    const body = html({ props: { entry: CHOICE_ENTRIES[2], value: 'pegasos' } });
    expect(body).toMatch(/<label for="field-optimizer"[^>]*>Optimizer<\/label>/);
    expect(body).toMatch(/<select id="field-optimizer" data-testid="field-optimizer"/);
    const options = [...body.matchAll(/<option value="(\w+)"( selected="")?>([^<]*)</g)];
    expect(options.map((m) => [m[1], m[3], m[2] !== undefined])).toEqual([
      ['gd', 'Gradient descent', false],
      ['pegasos', 'Pegasos', true],
      ['sgd', 'sgd', false],
      ['momentum', 'momentum', false],
      ['dcd', 'Dual coordinate descent', false],
    ]);
    expect(body).not.toContain('<input');
    expect(body).toContain('aria-invalid="false"');
    expect(body).toMatch(/id="field-optimizer-note"[^>]*>One of: Gradient descent, Pegasos, /);
  });

  it('shows the message instead of the hint, and marks the field invalid', () => {
    const error = 'optimizer must be one of gd, pegasos, sgd, momentum, dcd, got "adam"';
    const body = html({ props: { entry: CHOICE_ENTRIES[2], value: 'gd', error } });
    expect(body).toContain('aria-invalid="true"');
    expect(body).toMatch(/class="field [^"]*\binvalid\b/);
    expect(body).toContain(`>${error}</p>`);
  });

  it("draws a number as a text input with its keyboard and the hint from the core's limit", () => {
    const nPerClass = SETTING_ENTRIES[1];
    const body = html({ props: { entry: nPerClass, value: '30' } });
    expect(body).toMatch(/<label for="field-nPerClass"[^>]*>Points per class<\/label>/);
    expect(body).toMatch(/<input id="field-nPerClass" data-testid="field-nPerClass"[^>]*>/);
    expect(body).toContain('inputmode="numeric"');
    expect(body).toContain('value="30"');
    expect(body).toMatch(/>Integer, 1 to 5,000,000<\/p>/);
    expect(body).not.toContain('<select');
  });
});
