/**
 * Version of the analytics semantics implemented by this package (spec README). Written to every
 * fact row (`semantics_version`) and to API `meta.semantics_version`; any rule change that alters
 * an output bumps it.
 */
export const SEMANTICS_VERSION = "1.0.0";
