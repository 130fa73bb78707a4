import { describe, expect, it } from 'vitest';
import { cmsErrorMeaning } from '../../../src-main/sms/modem/cms-errors';

describe('+CMS ERROR meanings', () => {
  it.each([27, 38, 41, 42, 47, 192, 300, 311, 314, 322, 330, 331, 332, 500, 512, 999])('%i is retryable', (code) => {
    expect(cmsErrorMeaning(code).retryable).toBe(true);
  });

  it.each([1, 8, 10, 21, 28, 29, 30, 96, 195, 196, 304])('%i is permanent', (code) => {
    expect(cmsErrorMeaning(code).retryable).toBe(false);
  });

  it('describes known causes and names unknown ones by number', () => {
    expect(cmsErrorMeaning(38).description).toBe('network out of order');
    expect(cmsErrorMeaning(777).description).toBe('error 777');
  });
});
