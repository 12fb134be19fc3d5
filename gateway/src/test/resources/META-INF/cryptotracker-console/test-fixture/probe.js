// A test fixture of the gateway: a module that imports another by a relative path, as the console's modules do.
import { greeting } from "./lib/probe-lib.js";

export const probe = greeting("probe");
