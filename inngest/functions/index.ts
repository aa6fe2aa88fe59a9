import { sendDemoEmail } from "./send-demo-email";

/** Every function the app serves and runs: one line per file in this folder. */
export const functions = [sendDemoEmail];
