/** The GSM modem channel: the transport, and the port listing for the settings screen. */
export { ModemTransport, type ModemSettings, type ModemDependencies, type ModemReport } from './modem-transport';
export { listSerialPorts, type SerialPortListing, type SerialPortEntry } from './serial-port-list';
export type { ModemInfo, NetworkState } from './modem-init';
export type { Registration } from './at-responses';
