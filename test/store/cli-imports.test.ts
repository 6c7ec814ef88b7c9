/**
 * The CLI's permit, token, lifecycle and init commands reach no module of src/http (the
 * search parser and the stored-permit view live in src/store). Only `serve` runs the server.
 */
import { describe, expect, it } from 'vitest';
import { reachableFrom } from '../helpers/imports.js';

describe('the CLI does not import src/http', () => {
  it('no command but serve reaches an http module', () => {
    const reached = reachableFrom(['cli/commands/permit.ts', 'cli/commands/token.ts', 'cli/commands/lifecycle.ts', 'cli/commands/init.ts', 'cli/acting-person.ts']);
    expect(reached).toContain('store/permit-filter.ts');
    expect(reached).toContain('store/stored-permit-view.ts');
    expect(reached.filter((file) => file.startsWith('http/'))).toEqual([]);
  });
});
