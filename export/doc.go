// Package export writes the part of a kg store an analyst asks for (an ego
// network, a query's result, a time window, or everything) in the formats
// visualisation and graph tools read. Selection picks nodes from the
// store's quads; package pg projects them to one property graph that every
// visual writer shares; RDF writers get the selected quads themselves.
package export
