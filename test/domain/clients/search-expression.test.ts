import { describe, expect, it } from 'vitest';
import { searchExpression } from '../../../src-main/domain/clients/search-expression';

describe('searchExpression', () => {
  it('matches name words by their beginning and digits anywhere in the mobile', () => {
    expect(searchExpression('ross 333')).toBe('name : "ross"* AND phone : "333"*');
    expect(searchExpression('  mar   bia ')).toBe('name : "mar"* AND name : "bia"*');
  });

  it('reads phone punctuation as part of the number and drops a typed 00 prefix', () => {
    expect(searchExpression('+39 (333) 123-45')).toBe('phone : "39"* AND phone : "333"* AND phone : "12345"*');
    expect(searchExpression('0039333')).toBe('phone : "39333"*');
  });

  it('splits names as the index does, and leaves quotes no way to break out', () => {
    expect(searchExpression("d'ange")).toBe('name : "d"* AND name : "ange"*');
    expect(searchExpression('greco12')).toBe('name : "greco12"*');
    expect(searchExpression('nicolò')).toBe('name : "nicolò"*');
    expect(searchExpression('"a" OR b')).toBe('name : "a"* AND name : "OR"* AND name : "b"*');
  });

  it('ignores single digits and words with nothing to search', () => {
    expect(searchExpression('rossi 3')).toBe('name : "rossi"*');
    expect(searchExpression('')).toBeUndefined();
    expect(searchExpression(' % * ')).toBeUndefined();
  });
});
