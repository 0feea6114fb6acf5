// name: timeline
// summary: events in date order, optionally only those an entity takes part in
// arg: entity? ENTITY  only events in which this entity has a role
// flag: from DATE  only events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
// flag: to DATE  only events that start on or before this date
// flag: no-generic BOOL  leave out generic events (kg:generic: clauses no frame covers)
// columns: date end_date type label participants place about modality reported_by evidence article event reports
// returns: one row per event. date and end_date are ISO dates as precise as
//   the article was (1910, 2024-06, 2025-08-15); partial dates sort before
//   the days they hold, undated events come last. participants (agent,
//   participant, recipient), place (location, destination) and about
//   (theme, topic, occasion) are lists of labels. modality is asserted,
//   planned or reported; reported_by the source's label; evidence the
//   sentence; article the article id; event the event IRI; reports how
//   many articles report the event (kg:sameEvent links it to the others).
//   Paged by --limit and --offset.

var evs = params.entity ? eventsOf(params.entity, null, keepRow, wanted()) : scanTimeline(keepRow, wanted());
var out = eventRows(evs.slice(pageOffset));
out.forEach(function (r) { delete r.evidence_start; delete r.evidence_end; });
emitAll(out);
