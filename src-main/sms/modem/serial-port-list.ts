/**
 * Serial ports for the settings screen. Listing needs udev (or the OS
 * equivalent) and fails without it; the screen then lets the user type a path.
 */
import { SerialPort } from 'serialport';

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  /** "VID:PID" of a USB device, to tell two modems apart. */
  usbId?: string;
}

export type SerialPortListing = { ok: true; ports: SerialPortEntry[] } | { ok: false; error: string };

export async function listSerialPorts(): Promise<SerialPortListing> {
  try {
    const ports = await SerialPort.list();
    return {
      ok: true,
      ports: ports.map((port) => ({
        path: port.path,
        ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
        ...(port.vendorId && port.productId ? { usbId: `${port.vendorId}:${port.productId}` } : {}),
      })),
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
