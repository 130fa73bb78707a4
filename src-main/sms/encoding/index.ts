/**
 * SMS encoding for every transport: GSM-7 / UCS-2 choice and splitting, the
 * concatenation header, and (for the modem) PDU mode encode and decode.
 */
export { splitMessage, type SmsPart, type SmsEncoding, type SplitMessage } from './message-splitter';
export { concatUdh, readConcatInfo, type ConcatInfo } from './concat-udh';
export { isGsm7, textToSeptets, septetsToText } from './gsm7-alphabet';
export { packSeptets, unpackSeptets } from './septet-packing';
export { encodeSubmitPdus, type SubmitRequest, type SubmitPdu, type EncodedSubmit } from './submit-pdu-encoder';
export {
  decodeReceivedPdu,
  statusOutcome,
  type ReceivedPdu,
  type DeliverPdu,
  type StatusReportPdu,
  type StatusOutcome,
  type UserDataAlphabet,
} from './received-pdu-decoder';
export {
  ConcatenatedPartsCollector,
  type IncomingPart,
  type ReassembledMessage,
} from './concatenated-parts-collector';
export { PduFormatError } from './phone-address';
