package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// A writeBatch gathers the changes of whole articles — their own quads and
// what they change in the derived layer — and writes them in one
// transaction. Reads made while planning see the store as it was before
// the batch with the batch's pending changes on top (present), so that
// two articles of one batch that mention the same entity or state the same
// relation update it once, correctly.
type writeBatch struct {
	s    *Store
	adds map[qkey]quad.Quad
	dels map[qkey]quad.Quad
	// soft are removals that may wait: superseded values of a count or a
	// date, which readers already ignore (they take the largest count,
	// the earliest first and the latest last date). See deltas.
	soft map[qkey]quad.Quad
	// addsBy indexes pending additions by subject, for reads of a node's
	// pending members; addOrder keeps them in the order they came, which
	// is the order a node's values come back in (the first evidence
	// sentence of an event is its first in the text).
	addsBy   map[quad.Value][]qkey
	addOrder []qkey
	// arts and paths are the articles and source paths this batch
	// touches: an article touched twice is planned in a later batch.
	arts  map[quad.IRI]bool
	paths map[string]bool

	claims   map[quad.IRI]*claimDelta
	descs    map[quad.IRI]*descDelta
	mentions map[quad.IRI]*mentionDelta
	months   map[qkey]*monthDelta
	sigs     []eventSig
	written  pending // what commit wrote
	// deferred are the soft removals deltas left out of the batch's
	// transaction; commit writes them in a transaction of their own.
	deferred []cgraph.Delta
	totals   struct{ events, articles int }
	gone     []quad.IRI // events removed
	removed  map[quad.IRI]bool
}

type claimDelta struct {
	s, rel, o quad.IRI
	added     []*support
	removed   []*support
}

type mentionDelta struct {
	n        int      // articles gained (less those lost)
	events   int      // events it takes part in, gained (less those lost)
	reported int      // events it is the source of, gained (less those lost)
	dates    []string // publication dates of the articles gained
	removed  bool     // an article mentioning it went
	gone     []string // publication dates of the articles lost
}

type descDelta struct {
	added, removed []quad.Value
}

type monthDelta struct {
	q            quad.Quad
	bucket       quad.IRI
	adds, remove bool
}

func newBatch(s *Store) *writeBatch { return newBatchFor(s, 0) }

// newBatchFor makes a batch for about n quad changes: its maps are made
// that large at once rather than grown (and rehashed) one doubling at a
// time, which cost 4% of a corpus load.
func newBatchFor(s *Store, n int) *writeBatch {
	return &writeBatch{s: s, adds: make(map[qkey]quad.Quad, n), dels: map[qkey]quad.Quad{}, soft: map[qkey]quad.Quad{}, addsBy: make(map[quad.Value][]qkey, n/4),
		addOrder: make([]qkey, 0, n),
		arts:     map[quad.IRI]bool{}, paths: map[string]bool{}, claims: map[quad.IRI]*claimDelta{},
		descs: map[quad.IRI]*descDelta{}, mentions: map[quad.IRI]*mentionDelta{}, months: map[qkey]*monthDelta{},
		removed: map[quad.IRI]bool{}}
}

func (b *writeBatch) empty() bool { return len(b.arts) == 0 }

// size is the number of pending quad changes.
func (b *writeBatch) size() int { return len(b.adds) + len(b.dels) }

func (b *writeBatch) add(q quad.Quad) {
	k := quadKey(q)
	if _, ok := b.dels[k]; ok {
		delete(b.dels, k)
		return
	}
	if _, ok := b.soft[k]; ok {
		delete(b.soft, k)
		return
	}
	if _, ok := b.adds[k]; ok {
		return
	}
	b.adds[k] = q
	b.addsBy[q.Subject] = append(b.addsBy[q.Subject], k)
	b.addOrder = append(b.addOrder, k)
}

func (b *writeBatch) del(q quad.Quad) {
	k := quadKey(q)
	if _, ok := b.adds[k]; ok {
		delete(b.adds, k)
		return
	}
	b.dels[k] = q
}

// present reports whether q will be in the store after the batch.
func (b *writeBatch) present(ctx context.Context, q quad.Quad) (bool, error) {
	k := quadKey(q)
	if _, ok := b.adds[k]; ok {
		return true, nil
	}
	if _, ok := b.dels[k]; ok {
		return false, nil
	}
	return b.s.has(ctx, q)
}

// objectsAfter lists the objects of (subj, pred, *, label) as they will
// be after the batch.
func (b *writeBatch) objectsAfter(ctx context.Context, subj, pred, label quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	err := b.s.eachQuad(ctx, match{s: subj, p: pred, label: label}, func(q quad.Quad) error {
		if _, gone := b.dels[quadKey(q)]; !gone {
			out = append(out, q.Object)
		}
		return nil
	})
	for _, k := range b.addsBy[subj] {
		if q, ok := b.adds[k]; ok && q.Predicate == pred && q.Label == label {
			out = append(out, q.Object)
		}
	}
	return out, err
}

// anyObjectAfter reports whether (subj, pred, *, label) will have a quad
// after the batch, stopping at the first.
func (b *writeBatch) anyObjectAfter(ctx context.Context, subj, pred, label quad.Value) (bool, error) {
	for _, k := range b.addsBy[subj] {
		if q, ok := b.adds[k]; ok && q.Predicate == pred && q.Label == label {
			return true, nil
		}
	}
	found := false
	err := b.s.eachQuad(ctx, match{s: subj, p: pred, label: label}, func(q quad.Quad) error {
		if _, gone := b.dels[quadKey(q)]; !gone {
			found = true
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return found, err
}

// errTouched says an article must wait for the next batch: this one
// already changes it (or its source path).
var errTouched = errors.New("article already changed in this batch")

// plan adds one article's changes to the batch: a (nil to remove the
// targets) replaces the target articles.
func (b *writeBatch) plan(ctx context.Context, targets []quad.IRI, a *Article) (Change, error) {
	ch := Change{}
	if a != nil {
		ch.Article = a.IRI
	} else if len(targets) > 0 {
		ch.Article = targets[0]
	}
	for _, t := range targets {
		if b.arts[t] {
			return ch, errTouched
		}
	}
	if a != nil && (b.arts[a.IRI] || a.SourcePath != "" && b.paths[a.SourcePath]) {
		return ch, errTouched
	}
	old := newQuadSet()
	olds := map[quad.IRI][]quad.Quad{}
	for _, t := range targets {
		qs, err := b.s.ArticleQuads(ctx, t)
		if err != nil {
			return ch, fmt.Errorf("read article %s: %w", t, err)
		}
		if len(qs) > 0 {
			ch.Replaced = append(ch.Replaced, t)
			olds[t] = qs
		}
		for _, q := range qs {
			old.add(q)
		}
	}
	fresh := newQuadSet()
	var prep *prepared
	if a != nil {
		p, err := a.prepared()
		if err != nil {
			return ch, err
		}
		prep, fresh = p, p.set
	}
	var dels, adds []quad.Quad
	for _, k := range old.order {
		if !fresh.has(k) {
			dels = append(dels, old.m[k])
		}
	}
	for _, k := range fresh.order {
		if !old.has(k) {
			adds = append(adds, fresh.m[k])
		}
	}
	if len(dels) == 0 && len(adds) == 0 {
		return ch, nil
	}
	for _, t := range targets {
		b.arts[t] = true
	}
	if a != nil {
		b.arts[a.IRI] = true
		if a.SourcePath != "" {
			b.paths[a.SourcePath] = true
		}
	}
	before0, _ := b.counts()
	for _, q := range dels {
		b.del(q)
	}
	for _, q := range adds {
		b.add(q)
	}

	// the derived layer
	before, after := map[qkey]quad.Quad{}, map[qkey]quad.Quad{}
	var dOld []*derived
	for _, t := range targets {
		if qs := olds[t]; len(qs) > 0 {
			d := derive(t, qs)
			dOld = append(dOld, d)
			for _, q := range d.quads {
				before[quadKey(q)] = q
			}
		}
	}
	var dNew *derived
	if prep != nil {
		dNew, after = prep.derived, prep.dset
	}
	for _, d := range dOld {
		for _, q := range d.quads {
			if _, keep := after[quadKey(q)]; !keep {
				b.del(q)
			}
		}
	}
	if dNew != nil {
		for _, q := range dNew.quads {
			if _, had := before[quadKey(q)]; !had {
				b.add(q)
			}
		}
	}
	for _, d := range dOld {
		b.merge(d, -1)
	}
	if dNew != nil {
		b.merge(dNew, +1)
	}
	after0, _ := b.counts()
	ch.Added, ch.Removed = after0.adds-before0.adds, after0.dels-before0.dels
	return ch, nil
}

// pending counts quad changes.
type pending struct{ adds, dels int }

// counts are the batch's pending additions and removals, for telling what
// one article changed.
func (b *writeBatch) counts() (pending, bool) {
	return pending{len(b.adds), len(b.dels)}, true
}

// merge records what one article adds to (sign +1) or takes from (-1) the
// shared parts of the derived layer; finish settles them.
func (b *writeBatch) merge(d *derived, sign int) {
	for _, m := range d.months {
		k := quadKey(m)
		md := b.months[k]
		if md == nil {
			bucket := strings.TrimPrefix(schema.Text(m.Object), "")
			md = &monthDelta{q: m, bucket: bucketOf(m.Subject.(quad.IRI), bucket)}
			b.months[k] = md
		}
		if sign > 0 {
			md.adds = true
		} else {
			md.remove = true
		}
	}
	for c, sp := range d.claims {
		cd := b.claims[c]
		if cd == nil {
			cd = &claimDelta{s: sp.s, rel: sp.rel, o: sp.o}
			b.claims[c] = cd
		}
		if sign > 0 {
			cd.added = append(cd.added, sp)
		} else {
			cd.removed = append(cd.removed, sp)
		}
	}
	for e, desc := range d.descs {
		dd := b.descs[e]
		if dd == nil {
			dd = &descDelta{}
			b.descs[e] = dd
		}
		if sign > 0 {
			dd.added = append(dd.added, desc)
		} else {
			dd.removed = append(dd.removed, desc)
		}
	}
	for e, n := range d.eventsOf {
		b.mention(e).events += sign * n
	}
	for e, n := range d.reportedOf {
		b.mention(e).reported += sign * n
	}
	b.totals.events += sign * d.nEvents
	b.totals.articles += sign
	for _, e := range d.mentions {
		md := b.mention(e)
		md.n += sign
		if sign > 0 {
			md.dates = append(md.dates, d.published)
		} else {
			md.removed = true
			md.gone = append(md.gone, d.published)
		}
	}
	if sign > 0 {
		b.sigs = append(b.sigs, d.sigs...)
	} else {
		for _, ev := range d.events {
			b.gone = append(b.gone, ev)
			b.removed[ev] = true
		}
	}
}

func (b *writeBatch) mention(e quad.IRI) *mentionDelta {
	md := b.mentions[e]
	if md == nil {
		md = &mentionDelta{}
		b.mentions[e] = md
	}
	return md
}

// bucketOf is the bucket node a month entry of an index node names.
func bucketOf(index quad.IRI, entry string) quad.IRI {
	if kind, month, ok := strings.Cut(entry, "/"); ok {
		return schema.Bucket(index, kind, month)
	}
	return schema.Bucket(index, "", entry)
}

// finish settles the shared parts of the derived layer against the store.
func (b *writeBatch) finish(ctx context.Context) error {
	if err := b.finishMonths(ctx); err != nil {
		return err
	}
	if err := b.finishEntities(ctx); err != nil {
		return err
	}
	if err := b.finishMentions(ctx); err != nil {
		return err
	}
	if err := b.finishClaims(ctx); err != nil {
		return err
	}
	if err := b.finishSameEvents(ctx); err != nil {
		return err
	}
	// last: the counts it keeps read every change of the others
	return b.finishTotals(ctx)
}

// finishMonths: an index node lists a bucket while the bucket has members.
func (b *writeBatch) finishMonths(ctx context.Context) error {
	keys := make([]qkey, 0, len(b.months))
	for k := range b.months {
		keys = append(keys, k)
	}
	sortQuads(keys)
	for _, k := range keys {
		md := b.months[k]
		has, err := b.anyObjectAfter(ctx, md.bucket, schema.IndexMember, schema.IndexGraph)
		if err != nil {
			return err
		}
		listed, err := b.present(ctx, md.q)
		if err != nil {
			return err
		}
		switch {
		case has && !listed:
			b.add(md.q)
		case !has && listed:
			b.del(md.q)
		}
	}
	return nil
}

// finishEntities keeps the entity graph equal to the union of the
// descriptions articles assert, and the name index equal to the entity
// graph's labels and aliases.
func (b *writeBatch) finishEntities(ctx context.Context) error {
	ents := make([]quad.IRI, 0, len(b.descs))
	for e := range b.descs {
		ents = append(ents, e)
	}
	sortIRIs(ents)
	for _, e := range ents {
		dd := b.descs[e]
		changed := false
		var gone []quad.Value
		for _, d := range dd.added {
			reg := quad.Quad{Subject: e, Predicate: schema.Description, Object: d, Label: schema.EntityGraph}
			ok, err := b.present(ctx, reg)
			if err != nil {
				return err
			}
			if !ok {
				b.add(reg)
				changed = true
			}
		}
		for _, d := range dd.removed {
			used, err := b.asserted(ctx, d)
			if err != nil {
				return err
			}
			if !used {
				gone = append(gone, d)
			}
		}
		for _, d := range gone {
			reg := quad.Quad{Subject: e, Predicate: schema.Description, Object: d, Label: schema.EntityGraph}
			if ok, err := b.present(ctx, reg); err != nil {
				return err
			} else if ok {
				b.del(reg)
				changed = true
			}
		}
		if !changed {
			continue
		}
		if err := b.rederiveEntity(ctx, e); err != nil {
			return err
		}
		b.mention(e) // its classes may have changed: its rank buckets too
	}
	return nil
}

// asserted reports whether an article will still assert a description
// after the batch: the object index lists every kg:asserts quad with this
// literal, and the first that stays settles it.
func (b *writeBatch) asserted(ctx context.Context, d quad.Value) (bool, error) {
	for _, q := range b.adds {
		if q.Predicate == schema.Asserts && q.Object == d {
			return true, nil
		}
	}
	found := false
	err := b.s.eachQuad(ctx, match{p: schema.Asserts, o: d}, func(q quad.Quad) error {
		if _, gone := b.dels[quadKey(q)]; !gone {
			found = true
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return found, err
}

// entityPreds are the entity graph's predicates: those an article's
// assertions stand for.
var entityPreds = func() []quad.IRI {
	var out []quad.IRI
	for _, p := range schema.Contributions {
		out = append(out, p)
	}
	sortIRIs(out)
	return out
}()

// rederiveEntity sets an entity's entity-graph quads to the union of its
// registered descriptions, and its name-index entries to its names.
func (b *writeBatch) rederiveEntity(ctx context.Context, e quad.IRI) error {
	want := map[qkey]quad.Quad{}
	var wantOrder []qkey
	descs, err := b.objectsAfter(ctx, e, schema.Description, schema.EntityGraph)
	if err != nil {
		return err
	}
	for _, d := range descs {
		ts, err := parseDescription(d)
		if err != nil {
			return err
		}
		for _, t := range ts {
			k := quadKey(t)
			if _, ok := want[k]; !ok {
				want[k] = t
				wantOrder = append(wantOrder, k)
			}
		}
	}
	have := map[qkey]quad.Quad{}
	for _, p := range entityPreds {
		objs, err := b.objectsAfter(ctx, e, p, schema.EntityGraph)
		if err != nil {
			return err
		}
		for _, o := range objs {
			q := quad.Quad{Subject: e, Predicate: p, Object: o, Label: schema.EntityGraph}
			have[quadKey(q)] = q
		}
	}
	namesBefore := nameEntries(e, have)
	for k, q := range have {
		if _, ok := want[k]; !ok {
			b.del(q)
		}
	}
	for _, k := range wantOrder {
		if _, ok := have[k]; !ok {
			b.add(want[k])
		}
	}
	namesAfter := nameEntries(e, want)
	for k, q := range namesBefore {
		if _, ok := namesAfter[k]; !ok {
			b.del(q)
		}
	}
	for _, k := range sortedKeys(namesAfter) {
		if _, ok := namesBefore[k]; !ok {
			b.add(namesAfter[k])
		}
	}
	return nil
}

// nameEntries are the name-index quads of an entity with these
// entity-graph quads: each folded label, alias and word of them.
func nameEntries(e quad.IRI, qs map[qkey]quad.Quad) map[qkey]quad.Quad {
	out := map[qkey]quad.Quad{}
	if isLocal(e) {
		return out // an article's own group is found through the article
	}
	put := func(key string, p quad.IRI) {
		if key == "" {
			return
		}
		q := quad.Quad{Subject: schema.NameIRI(key), Predicate: p, Object: anyURI(e), Label: schema.IndexGraph}
		out[quadKey(q)] = q
	}
	for _, q := range qs {
		var p quad.IRI
		switch q.Predicate {
		case schema.Label:
			p = schema.NameLabel
		case schema.AltLabel:
			p = schema.NameAlias
		default:
			continue
		}
		key := NameKey(schema.Text(q.Object))
		put(key, p)
		for _, w := range strings.Fields(key) {
			put(w, schema.NameWord)
		}
	}
	return out
}

// finishTotals keeps the store's totals on the timeline's index node:
// how many articles and events it holds, so that a query can weigh one
// entity's share of them.
//
// They also hold the counts kg stats shows (storeCounts), changed by what
// the batch changes of them, and say whether the pair event buckets are
// complete (storeTotals.Pairs). A store gets both when its first write
// finds it empty (or from `kg reindex`); a store written by an older kg has
// neither, and a write does not start them there, as it cannot know what
// the store held before.
func (b *writeBatch) finishTotals(ctx context.Context) error {
	delta, touched, err := b.countsDelta(ctx)
	if err != nil {
		return err
	}
	if b.totals.events == 0 && b.totals.articles == 0 && (!touched || delta.zero()) {
		return nil
	}
	cur, versions, err := b.s.readTotals(ctx)
	if err != nil {
		return err
	}
	if cur.Counts == nil && len(versions) == 0 {
		n, err := b.s.quadCount(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			cur.Counts = newCounts()
			cur.Pairs = true
		}
	}
	if cur.Counts != nil {
		cur.Counts.plus(delta)
	}
	grew := b.totals.articles >= 0
	cur.Articles += b.totals.articles
	cur.Events += b.totals.events
	bs, _ := json.Marshal(cur)
	for _, v := range versions {
		q := quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: v, Label: schema.IndexGraph}
		if grew {
			b.softDel(q)
		} else {
			b.del(q)
		}
	}
	if cur.Articles > 0 || cur.Counts != nil && !cur.Counts.zero() {
		b.add(quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: quad.String(bs), Label: schema.IndexGraph})
	}
	return nil
}

// storeTotals is the JSON of the timeline node's totals.
type storeTotals struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	// Counts are kg stats's counts, where the store keeps them.
	Counts *storeCounts `json:"counts,omitempty"`
	// Pairs says that the store keeps the events of every two entities
	// (schema.PairEvents) for all its events: a store written by an older
	// kg has them only for the articles a newer one wrote, until `kg
	// reindex`, and the evidence query reads them only when this is set.
	Pairs bool `json:"pairs,omitempty"`
}

// finishMentions keeps each entity's totals (articles mentioning it, the
// first and last of their dates) and its place in the rank buckets the
// entities query reads, busiest first.
func (b *writeBatch) finishMentions(ctx context.Context) error {
	ents := make([]quad.IRI, 0, len(b.mentions))
	for e := range b.mentions {
		ents = append(ents, e)
	}
	sortIRIs(ents)
	for _, e := range ents {
		if err := b.finishMention(ctx, e, b.mentions[e]); err != nil {
			return err
		}
	}
	return nil
}

func (b *writeBatch) finishMention(ctx context.Context, e quad.IRI, md *mentionDelta) error {
	idx, ok := schema.IndexOf(e)
	if !ok || isLocal(e) {
		return nil // an article's own group: one article, found through it
	}
	versions, err := b.s.objects(ctx, idx, schema.EntityStats, schema.IndexGraph)
	if err != nil {
		return err
	}
	old := readEntityStats(versions)
	cur := old
	// An article that went changes the first or the last date only if
	// it had one of them: else the totals are counted on, as for
	// additions, and a hub (India: 4,600 articles) is not read again.
	recount := false
	for _, d := range md.gone {
		if d != "" && (d == old.First || d == old.Last) {
			recount = true
		}
	}
	if md.removed && recount {
		// an article went: count and date again from what mentions it
		arts, err := b.subjectsAfter(ctx, schema.Mentions, e)
		if err != nil {
			return err
		}
		cur = entityStats{Entity: string(e)}
		for _, a := range arts {
			cur.Articles++
			d, err := b.publishedAfter(ctx, a)
			if err != nil {
				return err
			}
			cur.First, cur.Last = earlier(cur.First, d), later(cur.Last, d)
		}
		cur.Events = old.Events + md.events
		cur.Reported = old.Reported + md.reported
	} else {
		cur.Entity = string(e)
		cur.Articles += md.n
		cur.Events += md.events
		cur.Reported += md.reported
		for _, d := range md.dates {
			cur.First, cur.Last = earlier(cur.First, d), later(cur.Last, d)
		}
	}
	var nv quad.Value
	if cur.Articles > 0 {
		nv = cur.value()
	}
	sq := func(v quad.Value) quad.Quad {
		return quad.Quad{Subject: idx, Predicate: schema.EntityStats, Object: v, Label: schema.IndexGraph}
	}
	kept := false
	for _, v := range versions {
		if nv != nil && !kept && v.String() == nv.String() {
			kept = true
			continue
		}
		if nv != nil && !md.removed {
			b.softDel(sq(v)) // the stats name the entity: no other quad uses the value
		} else {
			b.del(sq(v))
		}
	}
	if nv != nil && !kept {
		b.add(sq(nv))
	}
	// rank buckets: by the count's power of two, for all entities, for
	// each of its classes, and for discovered ones
	before, err := b.rankKinds(ctx, e, false)
	if err != nil {
		return err
	}
	after, err := b.rankKinds(ctx, e, true)
	if err != nil {
		return err
	}
	member := func(kind string, k int) quad.Quad {
		return quad.Quad{Subject: schema.RankBucket(kind, k), Predicate: schema.IndexMember, Object: anyURI(e), Label: schema.IndexGraph}
	}
	oldK, newK := bits.Len(uint(old.Articles)), bits.Len(uint(max(cur.Articles, 0)))
	had, have := map[string]bool{}, map[string]bool{}
	if oldK > 0 {
		for _, k := range before {
			had[k] = true
		}
	}
	if newK > 0 {
		for _, k := range after {
			have[k] = true
		}
	}
	for _, k := range before {
		if had[k] && (!have[k] || oldK != newK) {
			b.del(member(k, oldK))
		}
	}
	for _, k := range after {
		if have[k] && (!had[k] || oldK != newK) {
			b.add(member(k, newK))
		}
	}
	return nil
}

// rankKinds are the rank-bucket kinds of an entity, before the batch or
// after it: "all", its classes and, if kg discovered it, "discovered".
func (b *writeBatch) rankKinds(ctx context.Context, e quad.IRI, after bool) ([]string, error) {
	read := func(p quad.IRI) ([]quad.Value, error) {
		if after {
			return b.objectsAfter(ctx, e, p, schema.EntityGraph)
		}
		return b.s.objects(ctx, e, p, schema.EntityGraph)
	}
	out := []string{"all"}
	types, err := read(schema.Type)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if iri, ok := t.(quad.IRI); ok {
			out = append(out, schema.LocalName(iri))
		}
	}
	disc, err := read(schema.Discovered)
	if err != nil {
		return nil, err
	}
	for _, d := range disc {
		if schema.Text(d) == "true" {
			out = append(out, "discovered")
			break
		}
	}
	sort.Strings(out[1:])
	return out, nil
}

// subjectsAfter lists the subjects of (*, pred, obj) after the batch.
func (b *writeBatch) subjectsAfter(ctx context.Context, pred, obj quad.Value) ([]quad.IRI, error) {
	var out []quad.IRI
	err := b.s.eachQuad(ctx, match{p: pred, o: obj}, func(q quad.Quad) error {
		if _, gone := b.dels[quadKey(q)]; !gone {
			if iri, ok := q.Subject.(quad.IRI); ok {
				out = append(out, iri)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, q := range b.adds {
		if q.Predicate == pred && q.Object == obj {
			if iri, ok := q.Subject.(quad.IRI); ok {
				out = append(out, iri)
			}
		}
	}
	return uniqIRIs(out), nil
}

// publishedAfter is an article's publication date after the batch.
func (b *writeBatch) publishedAfter(ctx context.Context, art quad.IRI) (string, error) {
	vs, err := b.objectsAfter(ctx, art, schema.DatePublished, art)
	if err != nil || len(vs) == 0 {
		return "", err
	}
	return schema.Text(vs[0]), nil
}

// entityStats is the JSON of an entity's kg:entityStats literal.
type entityStats struct {
	Articles int    `json:"articles"`
	Events   int    `json:"events"`             // events (not offices) it takes part in
	Reported int    `json:"reported,omitempty"` // events and offices it is the source of
	First    string `json:"first,omitempty"`
	Last     string `json:"last,omitempty"`
	Entity   string `json:"e"`
}

func (s entityStats) value() quad.Value {
	b, _ := json.Marshal(s)
	return quad.String(b)
}

func readEntityStats(vs []quad.Value) entityStats {
	var out entityStats
	for _, v := range vs {
		var s entityStats
		if json.Unmarshal([]byte(schema.Text(v)), &s) != nil {
			continue
		}
		out.Articles = max(out.Articles, s.Articles)
		out.Events = max(out.Events, s.Events)
		out.Reported = max(out.Reported, s.Reported)
		out.First, out.Last = earlier(out.First, s.First), later(out.Last, s.Last)
		out.Entity = s.Entity
	}
	return out
}

// finishClaims keeps every claim node equal to its supports: created with
// the first, counted and dated as supports come, removed with the last.
func (b *writeBatch) finishClaims(ctx context.Context) error {
	cs := make([]quad.IRI, 0, len(b.claims))
	for c := range b.claims {
		cs = append(cs, c)
	}
	sortIRIs(cs)
	for _, c := range cs {
		if err := b.finishClaim(ctx, c, b.claims[c]); err != nil {
			return err
		}
	}
	return nil
}

func (b *writeBatch) finishClaim(ctx context.Context, c quad.IRI, cd *claimDelta) error {
	cq := func(p quad.IRI, o quad.Value) quad.Quad {
		return quad.Quad{Subject: c, Predicate: p, Object: o, Label: schema.ClaimGraph}
	}
	versions, err := b.s.objects(ctx, c, schema.ClaimStats, schema.ClaimGraph)
	if err != nil {
		return err
	}
	cur := readStats(versions)
	existed := len(versions) > 0
	n, firstD, lastD := cur.Articles, cur.First, cur.Last
	var sources []quad.IRI
	exact := len(cd.removed) > 0
	if !exact {
		// only new supports: add them to the totals
		for _, sp := range cd.added {
			n++
			firstD, lastD = earlier(firstD, sp.date), later(lastD, sp.date)
			sources = append(sources, sp.sources...)
		}
		for _, src := range uniqIRIs(sources) {
			q := cq(schema.ClaimSource, src)
			if ok, err := b.present(ctx, q); err != nil {
				return err
			} else if !ok {
				b.add(q)
			}
		}
	} else {
		// a support went: count and date again from what remains
		arts, err := b.claimArticles(ctx, c)
		if err != nil {
			return err
		}
		n, firstD, lastD = 0, "", ""
		added := map[quad.IRI]*support{}
		for _, sp := range cd.added {
			added[sp.article] = sp
		}
		for _, art := range arts {
			n++
			var d string
			var srcs []quad.IRI
			if sp := added[art]; sp != nil {
				d, srcs = sp.date, sp.sources
			} else if d, srcs, err = b.s.supportOf(ctx, c, art); err != nil {
				return err
			}
			firstD, lastD = earlier(firstD, d), later(lastD, d)
			sources = append(sources, srcs...)
		}
		want := map[quad.IRI]bool{}
		for _, s := range uniqIRIs(sources) {
			want[s] = true
		}
		have, err := b.objectsAfter(ctx, c, schema.ClaimSource, schema.ClaimGraph)
		if err != nil {
			return err
		}
		for _, h := range have {
			if iri, _ := h.(quad.IRI); want[iri] && n > 0 {
				delete(want, iri)
			} else {
				b.del(cq(schema.ClaimSource, h))
			}
		}
		if n > 0 {
			for _, s := range sortedIRIKeys(want) {
				b.add(cq(schema.ClaimSource, s))
			}
		}
	}
	var nv quad.Value
	if n > 0 {
		nv = claimStats{Articles: n, First: firstD, Last: lastD, Claim: string(c), Subject: string(cd.s), Relation: string(cd.rel), Object: string(cd.o)}.value()
	}
	// the stats and, in the claim rank buckets of both entities, the
	// members that are the same literal: a version goes from all of them
	// at once, and readers take the largest count as for the stats
	kept := false
	for _, v := range versions {
		if nv != nil && !kept && v.String() == nv.String() {
			kept = true
			continue
		}
		// a claim's stats name the claim, so no other quad of the batch
		// uses the old value: a soft removal goes in at once
		for _, q := range append([]quad.Quad{cq(schema.ClaimStats, v)}, claimRanks(cd.s, cd.o, v)...) {
			if n > 0 && !exact {
				b.softDel(q)
			} else {
				b.del(q)
			}
		}
	}
	if nv != nil && !kept {
		b.add(cq(schema.ClaimStats, nv))
		for _, q := range claimRanks(cd.s, cd.o, nv) {
			b.add(q)
		}
	}
	switch {
	case n <= 0 && existed:
		for _, q := range claimNode(c, cd) {
			b.del(q)
		}
	case n > 0 && !existed:
		for _, q := range claimNode(c, cd) {
			b.add(q)
		}
	}
	return nil
}

// claimRanks are the members a version of a claim's stats puts in the
// claim rank buckets of its subject and its object (schema.ClaimRank): the
// bucket of its article count, the stats literal itself as the member, so
// that a reader ranks a bucket without reading the claims.
func claimRanks(s, o quad.IRI, stats quad.Value) []quad.Quad {
	var cs claimStats
	if json.Unmarshal([]byte(schema.Text(stats)), &cs) != nil || cs.Articles <= 0 {
		return nil
	}
	k := bits.Len(uint(cs.Articles))
	var out []quad.Quad
	for i, e := range []quad.IRI{s, o} {
		if i == 1 && o == s {
			break
		}
		if node, ok := schema.ClaimRank(e, k); ok {
			out = append(out, quad.Quad{Subject: node, Predicate: schema.IndexMember, Object: stats, Label: schema.IndexGraph})
		}
	}
	return out
}

func sortedIRIKeys(m map[quad.IRI]bool) []quad.IRI {
	out := make([]quad.IRI, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortIRIs(out)
	return out
}

// claimStats is the JSON of a claim's kg:stats literal.
type claimStats struct {
	Articles int    `json:"articles"`
	First    string `json:"first,omitempty"`
	Last     string `json:"last,omitempty"`
	Claim    string `json:"claim"`
	Subject  string `json:"sbj"`
	Relation string `json:"rel"`
	Object   string `json:"obj"`
}

func (c claimStats) value() quad.Value {
	b, _ := json.Marshal(c)
	return quad.String(b)
}

// readStats reads a claim's stats: of several versions a write left (see
// writeBatch.deltas), the largest count and the widest dates.
func readStats(vs []quad.Value) claimStats {
	var out claimStats
	for _, v := range vs {
		var c claimStats
		if json.Unmarshal([]byte(schema.Text(v)), &c) != nil {
			continue
		}
		if c.Articles > out.Articles {
			out.Articles = c.Articles
		}
		out.Last = later(out.Last, c.Last)
		out.First = earlier(out.First, c.First)
		out.Subject, out.Relation, out.Object = c.Subject, c.Relation, c.Object
	}
	return out
}

// claimArticles lists the articles that will support a claim after the
// batch: those named, and those of its supporting events.
func (b *writeBatch) claimArticles(ctx context.Context, c quad.IRI) ([]quad.IRI, error) {
	var out []quad.IRI
	sup := schema.ClaimSupport(c)
	arts, err := b.objectsAfter(ctx, sup, schema.ClaimArticle, schema.ClaimGraph)
	if err != nil {
		return nil, err
	}
	for _, a := range arts {
		if iri, ok := a.(quad.IRI); ok {
			out = append(out, iri)
		}
	}
	evs, err := b.objectsAfter(ctx, sup, schema.ClaimEvent, schema.ClaimGraph)
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		if a, ok := schema.ArticleOfNode(quad.IRI(schema.Text(e))); ok {
			out = append(out, a)
		}
	}
	return uniqIRIs(out), nil
}

// claimNode is what spells a claim: its subject, relation and object (its
// IRI says it is a claim; so does kg:sbj).
func claimNode(c quad.IRI, cd *claimDelta) []quad.Quad {
	g := schema.ClaimGraph
	out := []quad.Quad{
		{Subject: c, Predicate: schema.ClaimSubject, Object: cd.s, Label: g},
		{Subject: c, Predicate: schema.ClaimRelation, Object: cd.rel, Label: g},
		{Subject: c, Predicate: schema.ClaimObject, Object: cd.o, Label: g},
	}
	if q, ok := claimPair(c, cd.s, cd.o); ok {
		out = append(out, q)
	}
	return out
}

// claimPair is the claim's member of the pair node of its two entities
// (schema.ClaimPair), written with the claim and removed with it.
func claimPair(c, s, o quad.IRI) (quad.Quad, bool) {
	node, ok := schema.ClaimPair(s, o)
	if !ok {
		return quad.Quad{}, false
	}
	return quad.Quad{Subject: node, Predicate: schema.IndexMember, Object: anyURI(c), Label: schema.IndexGraph}, true
}

// supportOf reads one article's support of a claim from the store: the
// latest date of its supporting events (else its publication date) and
// their sources.
func (s *Store) supportOf(ctx context.Context, c, art quad.IRI) (string, []quad.IRI, error) {
	evs, err := s.objects(ctx, schema.ClaimSupport(c), schema.ClaimEvent, schema.ClaimGraph)
	if err != nil {
		return "", nil, err
	}
	var date string
	var srcs []quad.IRI
	for _, ev := range evs {
		iri := quad.IRI(schema.Text(ev))
		if a, ok := schema.ArticleOfNode(iri); !ok || a != art {
			continue
		}
		r, err := s.row(ctx, iri)
		if err != nil {
			return "", nil, err
		}
		if r == nil {
			continue
		}
		if r.Date != "" {
			date = later(date, r.Date)
		}
		for _, rep := range r.Reporter {
			srcs = append(srcs, quad.IRI(rep))
		}
	}
	if date == "" {
		pub, err := s.objects(ctx, art, schema.DatePublished, art)
		if err != nil {
			return "", nil, err
		}
		if len(pub) > 0 {
			date = schema.Text(pub[0])
		}
	}
	return date, srcs, nil
}

// finishSameEvents links each new event to the reports of the same event
// in other articles, and drops the links of removed events.
func (b *writeBatch) finishSameEvents(ctx context.Context) error {
	for _, ev := range b.gone {
		for _, m := range []match{{s: ev, p: schema.SameEvent}, {p: schema.SameEvent, o: ev}} {
			qs, err := b.s.quads(ctx, m)
			if err != nil {
				return err
			}
			for _, q := range qs {
				b.del(q)
			}
		}
		for _, k := range b.addsBy[ev] {
			if q, ok := b.adds[k]; ok && q.Predicate == schema.SameEvent {
				b.del(q)
			}
		}
	}
	for _, sig := range b.sigs {
		if err := b.linkSameEvent(ctx, sig); err != nil {
			return err
		}
	}
	return nil
}

func (b *writeBatch) linkSameEvent(ctx context.Context, sig eventSig) error {
	// the periods where compatible reports sit: the event's own, the
	// year's (a report dated to the year), and for a year every month
	nodes := []quad.IRI{sig.node}
	if len(sig.date) >= 7 {
		nodes = append(nodes, schema.SameEventIRI(sig.key+"|"+sig.date[:4]))
	} else {
		for m := 1; m <= 12; m++ {
			nodes = append(nodes, schema.SameEventIRI(fmt.Sprintf("%s|%s-%02d", sig.key, sig.date, m)))
		}
	}
	for _, n := range nodes {
		members, err := b.objectsAfter(ctx, n, schema.IndexMember, schema.IndexGraph)
		if err != nil {
			return err
		}
		for _, m := range members {
			date, other, ok := strings.Cut(schema.Text(m), "|")
			if !ok || quad.IRI(other) == sig.ev || b.removed[quad.IRI(other)] || !compatibleDates(date, sig.date) {
				continue
			}
			if a, ok := schema.ArticleOfNode(quad.IRI(other)); !ok || a == sig.article {
				continue
			}
			for _, q := range []quad.Quad{
				{Subject: sig.ev, Predicate: schema.SameEvent, Object: quad.IRI(other), Label: schema.SameEventGraph},
				{Subject: quad.IRI(other), Predicate: schema.SameEvent, Object: sig.ev, Label: schema.SameEventGraph},
			} {
				if ok, err := b.present(ctx, q); err != nil {
					return err
				} else if !ok {
					b.add(q)
				}
			}
		}
	}
	return nil
}

// softDel removes a superseded aggregate value, when it can (see deltas).
func (b *writeBatch) softDel(q quad.Quad) {
	k := quadKey(q)
	if _, ok := b.adds[k]; ok {
		delete(b.adds, k)
		return
	}
	b.soft[k] = q
}

// deltas are the batch's changes as Cayley deltas.
//
// Cayley's kv store gives the quads a transaction adds only the values
// whose use count does not fall in it (see Store.apply). A batch of new
// articles removes nothing but superseded counts and dates, and those are
// the soft removals: one is taken into this transaction only when every
// value of it that an added quad uses is added at least as often as it is
// removed, so that a batch of new articles is mostly one transaction,
// without a journal. The soft removals left out are kept in b.deferred:
// Store.apply then writes the batch in two journalled transactions, the
// additions and then every removal (which the bug cannot touch: that
// transaction adds nothing). Leaving them in the store would be harmless
// to readers (they take the largest count, earliest first and latest last
// date) but the store would depend on how articles fell into batches: two
// loads of one corpus would not dump alike, nor a re-run after a crash a
// clean run. A backend without the bug (PostgreSQL), or that writes the
// additions and the removals in one transaction (a writable bolt store:
// Store.applyShared), takes them all at once.
func (b *writeBatch) deltas() []cgraph.Delta {
	b.deferred = nil
	out := make([]cgraph.Delta, 0, len(b.adds)+len(b.dels)+len(b.soft))
	// every soft removal goes in at once where the bug cannot bite, and
	// then no value's uses need counting (a value's string for each
	// direction of each delta: 3% of a corpus load)
	takeAll := b.s.pg != nil || b.s.kv != nil
	net := map[string]int{}
	used := map[string]bool{}
	count := func(q quad.Quad, n int) {
		if takeAll {
			return
		}
		for _, dir := range quad.Directions {
			if v := q.Get(dir); v != nil {
				k := v.String()
				net[k] += n
				if n > 0 {
					used[k] = true
				}
			}
		}
	}
	for _, q := range b.dels {
		out = append(out, cgraph.Delta{Action: cgraph.Delete, Quad: q})
		count(q, -1)
	}
	done := make(map[qkey]bool, len(b.adds))
	for _, k := range b.addOrder {
		q, ok := b.adds[k]
		if !ok || done[k] { // a key added, cancelled and added again is listed twice
			continue
		}
		done[k] = true
		out = append(out, cgraph.Delta{Action: cgraph.Add, Quad: q})
		count(q, +1)
	}
	for _, k := range sortedKeys(b.soft) {
		q := b.soft[k]
		ok := takeAll
		if !ok {
			ok = true
			for _, dir := range quad.Directions {
				if v := q.Get(dir); v != nil && used[v.String()] && net[v.String()] < 1 {
					ok = false
					break
				}
			}
		}
		d := cgraph.Delta{Action: cgraph.Delete, Quad: q}
		if ok {
			out = append(out, d)
			count(q, -1)
		} else {
			b.deferred = append(b.deferred, d)
		}
	}
	return out
}

func sortedKeys(m map[qkey]quad.Quad) []qkey {
	out := make([]qkey, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortQuads(out)
	return out
}
