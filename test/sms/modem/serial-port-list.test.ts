import { describe, expect, it } from 'vitest';
import { listSerialPorts } from '../../../src-main/sms/modem/serial-port-list';

describe('listSerialPorts', () => {
  it('answers a listing or the reason there is none, never throws', async () => {
    const listing = await listSerialPorts();
    if (listing.ok) {
      for (const port of listing.ports) expect(port.path).toMatch(/^(\/dev\/|COM)/);
    } else {
      expect(listing.error).not.toBe('');
    }
  });
});
