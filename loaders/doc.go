// Package loaders turns input files into articles ready for the store: a
// news article in Hindi or English becomes quads through the extraction
// pipeline (sub-packages article, hindi, temporal, entity, event, extract),
// and an N-Quads file loads as it is. Formats are chosen by file extension
// from the table in registry.go.
package loaders
