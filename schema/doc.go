// Package schema is kg's vocabulary and its language data: the IRIs every
// other package writes (typed constants, never string literals elsewhere) and
// the embedded data files (lexicons, event frames, date words) that the
// loaders read. Adding a word, a name or a verb is a change to a data file
// under data/, not to Go code.
//
// The graph model is described in model.md beside this file.
package schema
