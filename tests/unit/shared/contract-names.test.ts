import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { CALL_NAMES } from '../../../shared/contract/names';

describe('the zod-free call names', () => {
  it('equal the contract keys, in order', () => {
    expect([...CALL_NAMES]).toEqual(Object.keys(contract));
  });
});
