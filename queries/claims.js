// name: claims
// summary: what a source (KCNA, Yonhap, Russian media) is reported as saying
// arg: source ENTITY  the source: an agency, a newspaper, a person
// flag: no-generic BOOL  leave out generic events (kg:generic: clauses no frame covers)
// columns: date end_date type label participants place about modality evidence article event reports
// returns: one row per event attributed to the source (kg:reportedBy), in
//   date order, with the columns of timeline less reported_by. Paged by
//   --limit and --offset.

var keep = function (r) { return r !== null && !(params.no_generic && r.g); };
var evs = eventsOf(params.source, KG.reportedBy, keep, wanted());
var out = eventRows(evs.slice(pageOffset));
out.forEach(function (r) { delete r.reported_by; delete r.evidence_start; delete r.evidence_end; });
emitAll(out);
