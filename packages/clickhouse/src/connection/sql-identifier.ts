/** A plain SQL identifier: letters, digits and `_`, not starting with a digit. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Returns `name` when it is a plain identifier, else throws. Database and table names are the
 * only values ever spliced into SQL text; everything else is a bound parameter.
 */
export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return name;
}
