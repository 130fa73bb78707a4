// The reference brings our declaration of the untyped `smpp` package along with
// every program that imports this module, tests included; a tsconfig `include`
// would only cover the project it is written in.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./types/smpp.d.ts" />
/** The `smpp` package (PDU coding), typed; import it from here, never directly. */
import smpp from 'smpp';

export default smpp;
