// Package queries holds kg's canned Gizmo queries, one .js file each with a
// header that names it, its parameters and its columns, and the Go side
// that turns a user's arguments into a runnable script: entity names
// resolved to IRIs (Resolve), dates and numbers checked, and kg's
// vocabulary from package schema given to the script as the KG object.
//
// The scripts run in worker processes through package runner.
package queries
