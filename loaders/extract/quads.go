package extract

import (
	"sort"

	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// ArticleID derives an article's id: its date and a slug of its title.
func ArticleID(r *Result) string {
	a := r.Article
	slug := hindi.Slug(a.Headline(), 60)
	if slug == "" {
		sum := sha256.Sum256([]byte(a.Text))
		slug = "text-" + hex.EncodeToString(sum[:6])
	}
	if !a.Published.IsZero() {
		return a.Published.Format("2006-01-02") + "-" + slug
	}
	return slug
}

// ContentHash is the kg:contentHash of an article: the SHA-256 of its
// text as stored, so that a reload can tell "unchanged".
func ContentHash(a *article.Article) string {
	sum := sha256.Sum256([]byte(a.Text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// IRI is the IRI of an entity in the article with the given id.
func (e *Ent) IRI(articleID string) quad.IRI {
	if e.Local {
		return schema.EntityIRI("local/" + articleID + "/" + e.ID)
	}
	return schema.EntityIRI(e.ID)
}

func lang(s string) quad.Value {
	if hindi.IsDevanagari(s) {
		return quad.LangString{Value: quad.String(s), Lang: "hi"}
	}
	return quad.LangString{Value: quad.String(s), Lang: "en"}
}

func typedDate(d temporal.Date) quad.Value {
	t := schema.XSDDate
	switch d.Gran {
	case temporal.Month:
		t = schema.XSDGYearMonth
	case temporal.Year:
		t = schema.XSDGYear
	}
	return quad.TypedString{Value: quad.String(d.String()), Type: t}
}

func integer(n int64) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.FormatInt(n, 10)), Type: schema.XSDInteger}
}

// Quads turns the result into the article's quads (graph.Article labels
// them), in the shape of schema/model.md.
func Quads(r *Result, id string) []quad.Quad {
	a := r.Article
	art := schema.ArticleIRI(id)
	runeAt := runeOffsets(a.Text, r)
	var out []quad.Quad
	add := func(s, p, o quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: p, Object: o})
	}
	// the article
	add(art, schema.Type, schema.NewsArticle)
	add(art, schema.Headline, lang(a.Headline()))
	if a.Summary.End > a.Summary.Start {
		add(art, schema.Abstract, lang(a.Text[a.Summary.Start:a.Summary.End]))
	}
	if !a.Published.IsZero() {
		add(art, schema.DatePublished, quad.TypedString{Value: quad.String(a.Published.Format("2006-01-02")), Type: schema.XSDDate})
	}
	if a.HasTime {
		add(art, schema.DateCreated, quad.TypedString{Value: quad.String(a.Timestamp.Format("2006-01-02T15:04:05")), Type: schema.XSDDateTime})
	}
	if a.Section != "" {
		add(art, schema.ArticleSection, lang(a.Section))
	}
	add(art, schema.ContentHash, quad.String(ContentHash(a)))
	if r.Dateline != nil {
		add(art, schema.Dateline, r.Dateline.IRI(id))
	}
	if r.Agency != nil {
		add(art, schema.ReportedBy, r.Agency.IRI(id))
	}
	// entities: mentioned, and what this article asserts about them
	used := map[*Ent]bool{}
	mark := func(es ...*Ent) {
		for _, e := range es {
			if e != nil {
				used[e] = true
			}
		}
	}
	mark(r.Dateline, r.Agency)
	for _, ev := range r.Events {
		for _, es := range ev.Roles {
			mark(es...)
		}
		mark(ev.ReportedBy...)
	}
	for _, rel := range r.Relations {
		mark(rel.From, rel.To)
	}
	for _, p := range r.Positions {
		mark(p.Holder, p.Of)
	}
	for _, e := range r.Entities {
		if !used[e] && e.Local {
			continue // a generic phrase no fact uses is not worth a node
		}
		iri := e.IRI(id)
		add(art, schema.Mentions, iri)
		add(iri, schema.AssertedType, schema.Class(e.Type))
		if e.HI != "" {
			add(iri, schema.AssertedLabel, quad.LangString{Value: quad.String(e.HI), Lang: "hi"})
		}
		if e.EN != "" {
			l := schema.LangEnglish
			if e.Romanized {
				l = schema.LangHindiLatin // a transliteration, not an English name
			}
			add(iri, schema.AssertedLabel, quad.LangString{Value: quad.String(e.EN), Lang: l})
		}
		if e.Discovered {
			add(iri, schema.AssertedDiscovered, schema.True)
		}
		if e.QID != "" {
			add(iri, schema.AssertedSameAs, schema.WikidataIRI(e.QID))
		}
		alts := map[string]bool{}
		for s := range e.Surface {
			alts[s] = true
		}
		for _, s := range e.Aliases {
			alts[s] = true
		}
		for _, s := range sortedKeys(alts) {
			if s != e.HI && s != e.EN {
				add(iri, schema.AssertedAltLabel, lang(s))
			}
		}
		if e.Ordinal > 0 {
			add(iri, schema.Ordinal, integer(int64(e.Ordinal)))
		}
	}
	// events
	for _, ev := range r.Events {
		iri := schema.EventIRI(id, ev.N)
		add(iri, schema.Type, schema.Event)
		if ev.Class != schema.GenericEvent {
			add(iri, schema.Type, ev.Class.IRI())
		}
		add(iri, schema.Label, quad.LangString{Value: quad.String(eventLabel(ev)), Lang: "en"})
		if et, ok := schema.LookupEvent(ev.Class); ok {
			if et.CAMEO != "" {
				add(iri, schema.CAMEO, quad.String(et.CAMEO))
			}
			if et.PLOVER != "" {
				add(iri, schema.PLOVER, quad.String(et.PLOVER))
			}
		}
		if ev.Generic {
			add(iri, schema.Generic, quad.TypedString{Value: "true", Type: schema.XSDBoolean})
			add(iri, schema.Lemma, quad.LangString{Value: quad.String(ev.Lemma), Lang: "hi"})
			add(iri, schema.Gloss, quad.LangString{Value: quad.String(ev.Gloss), Lang: "en"})
		}
		for _, role := range sortedRoles(ev.Roles) {
			for _, e := range ev.Roles[role] {
				add(iri, role.IRI(), e.IRI(id))
			}
		}
		for _, c := range []struct {
			p quad.IRI
			n int64
		}{{schema.Killed, ev.Killed}, {schema.Injured, ev.Injured}, {schema.Affected, ev.Affected}} {
			if c.n > 0 {
				add(iri, c.p, integer(c.n))
			}
		}
		for _, t := range ev.Themes {
			add(iri, schema.Theme, schema.EventIRI(id, t.N))
		}
		if !ev.Date.IsZero() {
			add(iri, schema.Date, typedDate(ev.Date))
			if !ev.EndDate.IsZero() {
				add(iri, schema.EndDate, typedDate(ev.EndDate))
			}
			add(iri, schema.DateBasis, quad.String(ev.DateBasis))
		}
		if ev.DateText != "" {
			add(iri, schema.DateText, lang(ev.DateText))
		}
		if ev.Times > 0 {
			add(iri, schema.Times, integer(ev.Times))
		}
		if ev.Ordinal > 0 {
			add(iri, schema.Ordinal, integer(ev.Ordinal))
		}
		if ev.Offset != "" {
			add(iri, schema.Offset, quad.TypedString{Value: quad.String(ev.Offset), Type: schema.XSDDuration})
		}
		if ev.Quantity > 0 {
			add(iri, schema.Quantity, integer(ev.Quantity))
		}
		mod := ev.Modality
		if mod == schema.Asserted && len(ev.ReportedBy) > 0 {
			mod = schema.Reported
		}
		add(iri, schema.Modality, quad.String(mod))
		for _, src := range ev.ReportedBy {
			add(iri, schema.ReportedBy, src.IRI(id))
		}
		for _, sp := range ev.Evidence {
			add(iri, schema.Evidence, lang(a.Text[sp.Start:sp.End]))
			add(iri, schema.EvidenceAt, integer(runeAt[sp.Start]))
			add(iri, schema.EvidenceEnd, integer(runeAt[sp.End]))
		}
		add(iri, schema.Trigger, lang(ev.Trigger))
		// direct edges between the principal participants
		for _, ed := range directEdges(ev) {
			add(ed.From.IRI(id), schema.Rel(ed.Predicate), ed.To.IRI(id))
		}
	}
	for _, rel := range r.Relations {
		add(rel.From.IRI(id), schema.Rel(rel.Predicate), rel.To.IRI(id))
	}
	for _, p := range r.Positions {
		iri := schema.PositionIRI(id, p.N)
		add(iri, schema.Type, schema.Position)
		add(iri, schema.Type, schema.Class(p.Class))
		label := p.Class + ": " + p.Holder.Label()
		if p.Of != nil {
			label += ", " + p.Of.Label()
		}
		add(iri, schema.Label, quad.LangString{Value: quad.String(label), Lang: "en"})
		add(iri, schema.Holder, p.Holder.IRI(id))
		if p.Of != nil {
			add(iri, schema.Of, p.Of.IRI(id))
		}
		add(iri, schema.Relation, quad.String(p.Relation))
		add(iri, schema.Trigger, lang(p.Title))
		for _, sp := range p.Evidence {
			add(iri, schema.Evidence, lang(a.Text[sp.Start:sp.End]))
			add(iri, schema.EvidenceAt, integer(runeAt[sp.Start]))
			add(iri, schema.EvidenceEnd, integer(runeAt[sp.End]))
		}
	}
	return dedupeQuads(out)
}

// runeOffsets maps the byte offsets of every evidence span to code-point
// offsets, in one pass over the text.
func runeOffsets(text string, r *Result) map[int]int64 {
	want := map[int]bool{}
	for _, ev := range r.Events {
		for _, sp := range ev.Evidence {
			want[sp.Start], want[sp.End] = true, true
		}
	}
	for _, p := range r.Positions {
		for _, sp := range p.Evidence {
			want[sp.Start], want[sp.End] = true, true
		}
	}
	offs := make([]int, 0, len(want))
	for o := range want {
		offs = append(offs, o)
	}
	sort.Ints(offs)
	out := make(map[int]int64, len(offs))
	runes, b := int64(0), 0
	for _, o := range offs {
		runes += int64(utf8.RuneCountInString(text[b:o]))
		b = o
		out[o] = runes
	}
	return out
}

// directEdges instantiates the event's edge templates. Only an event the
// article states as having happened (asserted, or reported by a source)
// yields edges: an edge states what holds or happened, and a meeting that
// is only scheduled, a possible landfall or a conditional threat is not
// (its event node says so, with its modality).
func directEdges(ev *Event) []Relation {
	if !schema.IsFactual(ev.Modality) {
		return nil
	}
	var out []Relation
	for _, t := range ev.Edges {
		pred := t.pred
		if t.unless != "" && len(ev.Roles[t.unless]) > 0 {
			continue
		}
		from, to := ev.Roles[t.from], ev.Roles[t.to]
		if ev.symmetric() && t.from == schema.RoleAgent && t.to == schema.RoleParticipant {
			all := appendUnique(append([]*Ent{}, ev.Roles[schema.RoleAgent]...), ev.Roles[schema.RoleParticipant]...)
			if len(all) < 2 {
				continue
			}
			from, to = all[:1], all[1:]
		}
		for _, f := range from {
			for _, o := range to {
				if f != o {
					out = append(out, Relation{From: f, To: o, Predicate: pred})
				}
			}
		}
	}
	return out
}

func eventLabel(ev *Event) string {
	var names []string
	for _, r := range []schema.Role{schema.RoleAgent, schema.RoleParticipant, schema.RoleRecipient, schema.RoleAddressee,
		schema.RolePatient, schema.RoleTarget, schema.RoleTheme, schema.RoleDestination} {
		for _, e := range ev.Roles[r] {
			names = append(names, e.Label())
		}
	}
	if len(names) > 4 {
		names = names[:4]
	}
	l := string(ev.Class)
	if ev.Generic {
		l = "Event (" + ev.Gloss + ")"
	}
	if len(names) > 0 {
		l += ": " + strings.Join(dedupeStrings(names), ", ")
	}
	if !ev.Date.IsZero() {
		l += " (" + ev.Date.String() + ")"
	}
	return l
}

func dedupeStrings(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func dedupeQuads(in []quad.Quad) []quad.Quad {
	seen := map[string]bool{}
	out := in[:0]
	for _, q := range in {
		k := q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}
