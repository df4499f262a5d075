// Objects the engine reads in its hot loop and that are made anew for each sweep point (a
// point's config and its stepper) are built by assignment onto an empty object, never returned
// from an object literal or a spread. Seen with `node --trace-deopt` on a sweep worker:
//   - the second object a literal makes (the worker's second point) widens the field types that
//     the first one set, and V8 throws away the optimised code of every function that reads such
//     objects: a dozen engine functions, compiled again on both workers while they compete for
//     the cores;
//   - a spread of a frozen object, or of an object rest, gets a shape of its own each time, so
//     the code that reads it sees a new shape at every point.
// Copies made by assignment share one shape whose field types never change.

/** `o`, copied property by property onto a new object (see above). */
export const byAssignment = <T extends object>(o: T): T => Object.assign({}, o);
