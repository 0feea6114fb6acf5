package schema

import (
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// The derived layer: what the store computes from the articles so that a
// corpus reads fast — claims (one node per relation, however many articles
// state it), kg:sameEvent links between reports of one event, and the
// index nodes the canned queries read (date buckets, event rows, names).
// The store maintains all of it in the transaction that loads or removes
// an article; nothing here is written by a loader.

// Derived graphs. None of them is an article's: loading N-Quads skips them
// (the store derives them again), removing an article never names them.
var (
	// ClaimGraph holds claim nodes and what supports them.
	ClaimGraph = quad.IRI(Base + "graph/claims")
	// SameEventGraph holds the kg:sameEvent links between events of
	// different articles.
	SameEventGraph = quad.IRI(Base + "graph/same-event")
	// IndexGraph holds index nodes: bookkeeping for queries, no facts.
	IndexGraph = quad.IRI(Base + "graph/index")
)

// IsDerivedGraph reports whether a label names a graph the store derives.
func IsDerivedGraph(l quad.Value) bool {
	return l == EntityGraph || l == ClaimGraph || l == SameEventGraph || l == IndexGraph
}

// Namespaces of derived nodes.
const (
	ClaimNS = Base + "claim/"
	IndexNS = Base + "index/"
	// WithNS holds the relations of co-participation claims: two entities
	// that take part in one event that yields no direct edge between them
	// (a planned meeting) are related "with" it: with/Meeting-planned.
	WithNS = Base + "with/"
)

// Claim nodes (in ClaimGraph). The predicates that join a claim to the
// entities it relates have names of three letters: a tolerant scorer that
// takes any node linked to two entities as a possible event, and reads its
// predicates as the words of the relation, cannot mistake "sbj" for one.
var (
	Claim = quad.IRI(NS + "Claim")
	// ClaimSubject, ClaimRelation and ClaimObject spell the claim: subject
	// entity, relation (a rel: predicate, or a with/ class), object entity.
	ClaimSubject  = quad.IRI(NS + "sbj")
	ClaimRelation = quad.IRI(NS + "rel")
	ClaimObject   = quad.IRI(NS + "obj")
	// ClaimSource links a claim to each source its events are reported by.
	ClaimSource = quad.IRI(NS + "src")
	// ClaimStats is the claim's totals, one JSON literal: {"articles": N,
	// "first": DATE, "last": DATE, "claim", "sbj", "rel", "obj"} — how many
	// articles support it and, per supporting article the latest date of
	// its supporting events (else its publication date), the earliest and
	// the latest of those. One literal, so that a reader ranks a hub's
	// claims with one value each; it names the claim's parts, so that it
	// is a value of this claim alone.
	ClaimStats = quad.IRI(NS + "stats")
	// ClaimEvent lists, on the claim's support node, as xsd:anyURI
	// literals, the events that support the claim (both entities take
	// part in them); ClaimArticle links the support node to each article
	// that states the claim without such an event (an event's IRI names
	// its article). The support node keeps the claim node small however
	// many articles state it.
	ClaimEvent   = quad.IRI(NS + "evt")
	ClaimArticle = quad.IRI(NS + "art")
)

// ClaimSupport is the node listing what supports a claim.
func ClaimSupport(c quad.IRI) quad.IRI { return quad.IRI(string(c) + "/support") }

// SameEvent links an event to a report of the same event in another
// article: same class, same participants, compatible dates.
var SameEvent = quad.IRI(NS + "sameEvent")

// Entity descriptions (in EntityGraph, and on the article node).
var (
	// Description holds, as a literal of N-Triples lines, everything one
	// article asserts about one entity (type, labels, aliases, sameAs).
	// The article node has one kg:asserts quad per entity with this
	// literal; the entity has one kg:description quad per distinct
	// literal some article asserts; the entity graph is their union.
	Description = quad.IRI(NS + "description")
	// NodeList and QuadList are the article's manifest: the IRIs of the
	// nodes only it uses (events, positions, its own groups), and the
	// N-Triples of its quads whose subject is shared (a direct edge from
	// an entity), one literal each.
	NodeList = quad.IRI(NS + "nodes")
	QuadList = quad.IRI(NS + "quads")
)

// Index nodes (in IndexGraph). Their IRIs are computed from the IRI they
// index, and they point at events and entities with xsd:anyURI literals,
// never edges, so a traversal of the graph never wanders into them.
var (
	// IndexMonth lists the buckets of an index node: "2024-06", "1910"
	// (events dated to a year), "undated", "span" (events with an end
	// date, which a date filter must always read).
	IndexMonth = quad.IRI(NS + "month")
	// IndexMember is one event of a bucket, as "DATE END ARTICLE NNNNNN
	// IRI" so that a bucket sorts without reading its events.
	IndexMember = quad.IRI(NS + "member")
	// IndexRow is an event's row: what timeline, claims and evidence show
	// of it, as JSON with entity IRIs (labels are read when shown).
	IndexRow = quad.IRI(NS + "row")
	// EntityStats is an entity's totals on its index node, one JSON
	// literal: {"articles": N, "first": DATE, "last": DATE, "e": IRI} —
	// how many articles mention it, and the first and last publication
	// date among them.
	EntityStats = quad.IRI(NS + "entityStats")
	// Name index: the entities a folded name is the label of, an alias
	// of, or a word of (xsd:anyURI literals).
	NameLabel = quad.IRI(NS + "nameLabel")
	NameAlias = quad.IRI(NS + "nameAlias")
	NameWord  = quad.IRI(NS + "nameWord")
)

// IsDerived reports whether a predicate belongs to the derived layer's
// bookkeeping (the index, the manifest, descriptions) rather than to the
// facts. Claims and kg:sameEvent are facts about the corpus and are not.
func IsDerived(p quad.Value) bool {
	switch p {
	case IndexMonth, IndexMember, IndexRow, EntityStats, NameLabel, NameAlias, NameWord,
		Description, NodeList, QuadList:
		return true
	}
	return false
}

// ClaimIRI is the IRI of the claim (subject, relation, object): a hash, so
// that every article stating the relation finds the same node.
func ClaimIRI(s, rel, o quad.IRI) quad.IRI {
	h := sha256.Sum256([]byte(string(s) + "\x00" + string(rel) + "\x00" + string(o)))
	return quad.IRI(ClaimNS + strings.ToLower(base32.StdEncoding.EncodeToString(h[:15])))
}

// WithRelation is the relation of a co-participation claim: the event
// class, and its modality when the event is not asserted or reported.
func WithRelation(class, modality string) quad.IRI {
	if modality != "" && modality != Asserted && modality != Reported {
		return quad.IRI(WithNS + class + "-" + modality)
	}
	return quad.IRI(WithNS + class)
}

// IndexOf is the index node of an entity (nil for an IRI that is not one).
func IndexOf(e quad.IRI) (quad.IRI, bool) {
	tail, ok := strings.CutPrefix(string(e), EntityNS)
	if !ok {
		return "", false
	}
	return quad.IRI(IndexNS + "entity/" + tail), true
}

// RankBucket is the node listing the entities of a kind ("all", a class
// name, "discovered") that k articles mention, 2^(k-1) ≤ articles < 2^k:
// the entities query reads the busiest first, bucket by bucket.
func RankBucket(kind string, k int) quad.IRI {
	return quad.IRI(IndexNS + "entities/" + kind + "/" + strconv.Itoa(k))
}

// ClaimRank is the node listing, as their stats literals, the claims of
// entity e (as subject or object) that 2^(k-1) to 2^k - 1 articles state:
// a query reads an entity's busiest claims first, bucket by bucket, and
// stops when its page is full, instead of reading every claim of a hub.
func ClaimRank(e quad.IRI, k int) (quad.IRI, bool) {
	idx, ok := IndexOf(e)
	if !ok {
		return "", false
	}
	return quad.IRI(string(idx) + "/claims/" + strconv.Itoa(k)), true
}

// ClaimPair is the node listing, as xsd:anyURI literals, the claims
// between two entities, whichever is the subject: a query finds what joins
// two hubs without reading either one's claims. Its IRI spells both
// entities (the smaller IRI first), so a query computes it.
func ClaimPair(a, b quad.IRI) (quad.IRI, bool) {
	if b < a {
		a, b = b, a
	}
	idx, ok := IndexOf(a)
	tail, ok2 := strings.CutPrefix(string(b), EntityNS)
	if !ok || !ok2 {
		return "", false
	}
	return quad.IRI(string(idx) + "/pair/" + tail), true
}

// PairEvents is the index node of the events in which both of two entities
// take part (any role), with date buckets as the timeline's (kind ""): the
// evidence between two busy entities reads its page from them instead of
// every event that supports their claims.
func PairEvents(a, b quad.IRI) (quad.IRI, bool) {
	n, ok := ClaimPair(a, b)
	if !ok {
		return "", false
	}
	return quad.IRI(string(n) + "/events"), true
}

// TimelineIndex is the index node of every event.
var TimelineIndex = quad.IRI(IndexNS + "timeline")

// The kinds of an entity's own date buckets (Bucket): the events and
// offices it has a role in, and those it is the source of.
const (
	EntityEvents   = "events"
	EntityReported = "reported"
)

// Bucket is the IRI of one bucket of an index node; kind is "events"
// (events the entity takes part in) or "reported" (events it is the
// source of). The global timeline has one kind.
func Bucket(index quad.IRI, kind, month string) quad.IRI {
	if kind == "" {
		return quad.IRI(string(index) + "/" + month)
	}
	return quad.IRI(string(index) + "/" + kind + "/" + month)
}

// RowIRI is the IRI of an event's row.
func RowIRI(ev quad.IRI) quad.IRI {
	return quad.IRI(IndexNS + "row/" + strings.TrimPrefix(string(ev), EventNS))
}

// NameIRI is the index node of a folded name: every byte but ASCII
// letters, digits and "-_.~" percent-encoded.
func NameIRI(key string) quad.IRI {
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return quad.IRI(IndexNS + "name/" + b.String())
}

// SameEventIRI is the index node listing the events of one class and
// participants in one period, where the store looks for other reports.
func SameEventIRI(key string) quad.IRI {
	h := sha256.Sum256([]byte(key))
	return quad.IRI(IndexNS + "same/" + strings.ToLower(base32.StdEncoding.EncodeToString(h[:15])))
}

// ArticleOfNode is the article an article-scoped node belongs to: the
// article of ev:ID/N and ent:local/ID/x is art:ID.
func ArticleOfNode(n quad.IRI) (quad.IRI, bool) {
	s := string(n)
	var rest string
	switch {
	case strings.HasPrefix(s, EventNS):
		rest = s[len(EventNS):]
	case strings.HasPrefix(s, EntityNS+"local/"):
		rest = s[len(EntityNS+"local/"):]
	default:
		return "", false
	}
	i := strings.LastIndexByte(rest, '/')
	if i <= 0 {
		return "", false
	}
	return ArticleIRI(rest[:i]), true
}
