package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Article is one unit of loading: the quads one article contributes. Every
// quad gets the article IRI as its label, whatever label it came with.
type Article struct {
	IRI quad.IRI
	// SourcePath, when set, is the absolute path the article was read from.
	// Loading replaces an article with the same IRI and also one loaded
	// earlier from the same path (an edited file whose title changed).
	SourcePath string
	Quads      []quad.Quad
	// ExplicitID says the IRI was given by the user (kg load --id), not
	// derived from the text: a different text already stored under it is
	// an *IDClashError unless Replace is set. A derived id that clashes
	// with a different text gets a short hash of the text appended.
	ExplicitID bool
	Replace    bool
	// Text, when set, is the article's text as its evidence offsets count
	// in it. It is kept beside the store, not as quads (see ArticleText).
	Text string

	prep *prepared // what Prepare computed, for this IRI
}

// prepared is what the store computes from an article alone: its stored
// quads (with the manifest) and what it adds to the derived layer.
type prepared struct {
	iri     quad.IRI
	quads   []quad.Quad
	set     *quadSet
	derived *derived
	dset    map[qkey]quad.Quad
}

// Prepare computes, ahead of a write, the parts of loading the article
// that depend on the article alone, so that loaders may do it in parallel
// (one goroutine per article) while one writer writes. Loading an
// unprepared article prepares it.
func (a *Article) Prepare() error {
	_, err := a.prepared()
	return err
}

func (a *Article) prepared() (*prepared, error) {
	if a.prep != nil && a.prep.iri == a.IRI {
		return a.prep, nil
	}
	qs, err := stored(a)
	if err != nil {
		return nil, err
	}
	p := &prepared{iri: a.IRI, quads: qs, set: newQuadSet(), derived: derive(a.IRI, qs), dset: map[qkey]quad.Quad{}}
	for _, q := range qs {
		p.set.add(q)
	}
	for _, q := range p.derived.quads {
		p.dset[quadKey(q)] = q
	}
	a.prep = p
	return p, nil
}

var errReadOnly = errors.New("store is open read-only")

// Change summarises what a write did to the store.
type Change struct {
	Article  quad.IRI
	Replaced []quad.IRI // articles whose quads this write replaced or removed
	Added    int        // quads of the article added
	Removed  int        // quads of the article removed
	// Renamed is set when the article's derived id was taken by a
	// different text: Article is then the id with a hash of the text.
	Renamed bool
}

// Unchanged reports whether the write found the store already as wanted.
func (c Change) Unchanged() bool { return c.Added == 0 && c.Removed == 0 }

// IDClashError says that an explicitly given id names an article with a
// different text, loaded from another file.
type IDClashError struct {
	Article quad.IRI
	// Source is the file the stored article came from ("" for standard
	// input or N-Quads).
	Source string
}

func (e *IDClashError) Error() string {
	from := "standard input"
	if e.Source != "" {
		from = e.Source
	}
	return fmt.Sprintf("id %q already names a different article, loaded from %s; give --replace to replace it, or another --id", schema.LocalName(e.Article), from)
}

// Load writes an article in one transaction, replacing whatever the store
// held for it before (same IRI, or same SourcePath). Reloading an unchanged
// article changes nothing. Entity descriptions shared with other articles
// (type, labels, sameAs) are kept once, in the entity graph, and survive as
// long as one article still asserts them; claims, kg:sameEvent links and
// the query index follow. If Load fails, the store is as it was before the
// call.
func (s *Store) Load(ctx context.Context, a *Article) (Change, error) {
	res, err := s.LoadBatch(ctx, []*Article{a})
	if err != nil {
		return Change{}, err
	}
	return res[0].Change, res[0].Err
}

// Result is what LoadBatch did with one article.
type Result struct {
	Change Change
	Err    error // the article is not in the store (and the store is as it was for it)
}

// LoadBatch writes articles in as few transactions as it can — usually
// one — each article whole: a transaction holds all of an article's
// changes or none, so after a failure or a crash every article is either
// fully in the store or not at all. An article that cannot be planned (an
// id clash, a malformed assertion) fails alone; the others are written.
// The error is for the batch as a whole (the store could not be written):
// then no article of the failed transaction is in the store.
func (s *Store) LoadBatch(ctx context.Context, arts []*Article) ([]Result, error) {
	if s.readOnly {
		return nil, errReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	out := make([]Result, len(arts))
	todo := make([]int, 0, len(arts))
	for i, a := range arts {
		if a == nil || a.IRI == "" {
			out[i].Err = fmt.Errorf("load: article has no IRI")
			continue
		}
		todo = append(todo, i)
	}
	for len(todo) > 0 {
		// planned and committed as the only writer: see writeLock
		release, err := s.holdWrites(ctx)
		if err != nil {
			for _, i := range todo {
				out[i].Err = err
			}
			return out, err
		}
		// an article's own quads and about as many again of the derived
		// layer (claims, index entries, counts)
		n := 0
		for _, i := range todo {
			n += 2 * len(arts[i].Quads)
		}
		b := newBatchFor(s, n)
		var later, planned []int
		type text struct {
			a       *Article
			targets []quad.IRI
		}
		texts := map[int]text{}
		for _, i := range todo {
			a, targets, renamed, err := s.identify(ctx, arts[i])
			if err != nil {
				out[i].Err = err
				continue
			}
			texts[i] = text{a, targets}
			ch, err := b.plan(ctx, targets, a)
			switch {
			case errors.Is(err, errTouched):
				later = append(later, i)
				continue
			case err != nil:
				out[i].Err = err
				continue
			}
			ch.Renamed = renamed
			out[i].Change = ch
			planned = append(planned, i)
		}
		if !b.empty() {
			before, _ := b.counts()
			if err := s.commit(ctx, b); err != nil {
				release()
				for _, i := range planned {
					out[i] = Result{Err: err}
				}
				return out, err
			}
			// the shared changes (entity graph, claims, index) belong
			// to an article written alone
			if len(planned) == 1 {
				i := planned[0]
				out[i].Change.Added += b.written.adds - before.adds
				out[i].Change.Removed += b.written.dels - before.dels
			}
		}
		for _, i := range planned {
			s.keepTexts(texts[i].targets, texts[i].a)
		}
		release()
		todo = later
	}
	return out, nil
}

// LoadAll writes articles that stand or fall together — the graphs of one
// N-Quads file — in one transaction: if any of them cannot be written (no
// IRI, an id clash, two with one IRI or source path), none is, and the
// error says which. After a crash the store holds all of them or none.
func (s *Store) LoadAll(ctx context.Context, arts []*Article) ([]Change, error) {
	if s.readOnly {
		return nil, errReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	release, err := s.holdWrites(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	b := newBatch(s)
	out := make([]Change, len(arts))
	type text struct {
		a       *Article
		targets []quad.IRI
	}
	texts := make([]text, len(arts))
	for i, a := range arts {
		if a == nil || a.IRI == "" {
			return nil, fmt.Errorf("load: article %d of %d has no IRI; none of them is loaded", i+1, len(arts))
		}
		ia, targets, renamed, err := s.identify(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w; none of the %d articles is loaded", a.IRI, err, len(arts))
		}
		ch, err := b.plan(ctx, targets, ia)
		if errors.Is(err, errTouched) {
			return nil, fmt.Errorf("load %s: it and another article of the same input are one article (the same IRI or source path); none of the %d is loaded", a.IRI, len(arts))
		}
		if err != nil {
			return nil, fmt.Errorf("load %s: %w; none of the %d articles is loaded", a.IRI, err, len(arts))
		}
		ch.Renamed = renamed
		out[i] = ch
		texts[i] = text{ia, targets}
	}
	if !b.empty() {
		if err := s.commit(ctx, b); err != nil {
			return nil, err
		}
	}
	for _, t := range texts {
		s.keepTexts(t.targets, t.a)
	}
	return out, nil
}

// Retract removes an article's quads in one transaction, and the entity
// descriptions, claims and index entries no other article supports. If it
// fails, the store is as it was.
func (s *Store) Retract(ctx context.Context, iri quad.IRI) (Change, error) {
	if s.readOnly {
		return Change{}, errReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	release, err := s.holdWrites(ctx)
	if err != nil {
		return Change{}, err
	}
	defer release()
	b := newBatch(s)
	ch, err := b.plan(ctx, []quad.IRI{iri}, nil)
	if err != nil || b.empty() {
		return ch, err
	}
	before, _ := b.counts()
	if err := s.commit(ctx, b); err != nil {
		return Change{}, err
	}
	ch.Added += b.written.adds - before.adds
	ch.Removed += b.written.dels - before.dels
	s.keepTexts([]quad.IRI{iri}, nil)
	return ch, nil
}

// commit settles a batch's derived layer and writes it.
func (s *Store) commit(ctx context.Context, b *writeBatch) error {
	if err := b.finish(ctx); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	deltas := b.deltas()
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			b.written.adds++
		} else {
			b.written.dels++
		}
	}
	var err error
	if s.pg != nil {
		err = s.pg.applyDeltas(ctx, s.qs, deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	} else {
		err = s.apply(deltas, b.deferred)
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	b.written.dels += len(b.deferred)
	releaseMapped(s.bolt)
	return nil
}

// identify decides which IRI an article is stored under and which stored
// articles it replaces: the one with its IRI and any loaded from its
// source path. A different text under the same derived id (two headlines
// that differ only past the slug's length, on one day) is not a
// replacement: the newcomer's id gets a short hash of its text.
func (s *Store) identify(ctx context.Context, a *Article) (*Article, []quad.IRI, bool, error) {
	renamed := false
	hash := articleHash(a)
	for attempt := 0; ; attempt++ {
		clash, src, err := s.clashes(ctx, a, hash)
		if err != nil {
			return nil, nil, false, err
		}
		if !clash {
			break
		}
		if a.ExplicitID {
			if !a.Replace {
				return nil, nil, false, &IDClashError{Article: a.IRI, Source: src}
			}
			break
		}
		if attempt > 0 || len(hash) < 17 {
			return nil, nil, false, fmt.Errorf("load: id %s is taken by another text, and so is the same id with a hash of this text", schema.LocalName(a.IRI))
		}
		a = renameArticle(a, schema.LocalName(a.IRI)+"-"+hash[7:17])
		renamed = true
	}
	targets := []quad.IRI{a.IRI}
	if a.SourcePath != "" {
		prev, err := s.articlesFrom(ctx, a.SourcePath)
		if err != nil {
			return nil, nil, false, err
		}
		for _, p := range prev {
			if p != a.IRI {
				targets = append(targets, p)
			}
		}
	}
	return a, targets, renamed, nil
}

// clashes reports whether the store holds, under a's IRI, an article with
// another text from another source, and that article's source.
func (s *Store) clashes(ctx context.Context, a *Article, hash string) (bool, string, error) {
	if hash == "" {
		return false, "", nil // N-Quads: the label is the identity
	}
	old, err := s.objects(ctx, a.IRI, schema.ContentHash, a.IRI)
	if err != nil || len(old) == 0 {
		return false, "", err
	}
	if schema.Text(old[0]) == hash {
		return false, "", nil
	}
	src := ""
	if ps, err := s.objects(ctx, a.IRI, schema.SourcePath, a.IRI); err != nil {
		return false, "", err
	} else if len(ps) > 0 {
		src = schema.Text(ps[0])
	}
	if a.SourcePath != "" && src == a.SourcePath {
		return false, src, nil // the same file, edited
	}
	return true, src, nil
}

// articleHash is the article's kg:contentHash, "" if it has none.
func articleHash(a *Article) string {
	for _, q := range a.Quads {
		if q.Subject == a.IRI && q.Predicate == schema.ContentHash {
			return schema.Text(q.Object)
		}
	}
	return ""
}

// renameArticle returns a copy of a under another id: the article IRI and
// the IRIs scoped to it (events, positions, local entities) change.
func renameArticle(a *Article, id string) *Article {
	oldID := schema.LocalName(a.IRI)
	to := schema.ArticleIRI(id)
	prefixes := [][2]string{
		{schema.EventNS + oldID + "/", schema.EventNS + id + "/"},
		{schema.EntityNS + "local/" + oldID + "/", schema.EntityNS + "local/" + id + "/"},
	}
	ren := func(v quad.Value) quad.Value {
		iri, ok := v.(quad.IRI)
		if !ok {
			return v
		}
		if iri == a.IRI {
			return to
		}
		for _, p := range prefixes {
			if rest, ok := strings.CutPrefix(string(iri), p[0]); ok {
				return quad.IRI(p[1] + rest)
			}
		}
		return v
	}
	out := *a
	out.IRI = to
	out.Quads = make([]quad.Quad, len(a.Quads))
	for i, q := range a.Quads {
		out.Quads[i] = quad.Quad{Subject: ren(q.Subject), Predicate: q.Predicate, Object: ren(q.Object), Label: ren(q.Label)}
	}
	return &out
}

// apply writes deltas so that a failure or a crash leaves the store as it
// was or as the whole write leaves it.
//
// One ApplyDeltas is one backend transaction, all or nothing, and that is
// the usual way. But Cayley's kv store gives the quads it adds only the
// nodes whose reference count does not fall in the batch: when a batch
// removes more uses of a value (a predicate, a class) than it adds, the
// added quads lose that value. Replacing an article under a new id does
// exactly that, and so do the superseded counts and dates a batch could
// not take (deferred, see writeBatch.deltas). Such a write goes in two
// transactions: first the additions, then every removal (deferred ones
// included), with a journal beside the store that lets the next opening
// undo a half-done write (see recoverJournal). The deferred removals must
// be in the journalled write and not in a transaction after it: a crash
// between the two left superseded values that no later write of the same
// articles removes, so a re-run could not end as a clean run.
//
// A writable bolt store does neither: its ApplyDeltas share one bolt
// transaction (boltKV.share), so the additions and then the removals go
// in as one commit, whole or not at all, with no journal. The journal
// stays for the other kv backends (leveldb), and for a journal an older
// kg left (recoverJournal).
func (s *Store) apply(deltas, deferred []cgraph.Delta) error {
	opts := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if s.kv != nil {
		return s.applyShared(deltas, deferred, opts)
	}
	// each ApplyDeltas is one bolt transaction, whose commit syncs: the
	// crash tests kill a write just before and just after each
	commit := func(name string, ds []cgraph.Delta) error {
		if err := syncPoint("before " + name); err != nil {
			return err
		}
		if err := s.qs.ApplyDeltas(ds, opts); err != nil {
			return err
		}
		return syncPoint("after " + name)
	}
	if len(deferred) == 0 && !losesValues(deltas) {
		return commit("commit", deltas)
	}
	adds, dels := splitByAction(deltas)
	dels = append(dels, deferred...)
	if err := writeJournal(s.dir, adds, dels); err != nil {
		return err
	}
	if err := commit("additions", adds); err != nil {
		// nothing was written; the journal would only undo nothing
		return errors.Join(err, removeJournal(s.dir))
	}
	if err := commit("removals", dels); err != nil {
		// undo the additions now rather than at the next opening
		if uerr := s.undo(adds); uerr != nil {
			return errors.Join(err, uerr)
		}
		return errors.Join(err, removeJournal(s.dir))
	}
	return removeJournal(s.dir)
}

// applyShared writes deltas in one bolt transaction: the additions in one
// ApplyDeltas, then the removals in another, which the bug cannot touch
// (it adds nothing). After a failure the transaction is rolled back, but
// Cayley's cache of value ids may name values only that write made, so
// the store takes no more writes until it is opened again.
func (s *Store) applyShared(deltas, deferred []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if s.broken != nil {
		return fmt.Errorf("an earlier write to this store failed (%w); open the store again to write", s.broken)
	}
	adds, dels := splitByAction(deltas)
	dels = append(dels, deferred...)
	// the crash tests tell a write of both kinds by its sync points
	name := "commit"
	if len(adds) > 0 && len(dels) > 0 {
		name = "commit of additions, then removals"
	}
	if err := syncPoint("before " + name); err != nil {
		return err
	}
	err := s.kv.share(func() error {
		if len(adds) > 0 {
			if err := s.qs.ApplyDeltas(adds, opts); err != nil {
				return err
			}
		}
		if len(dels) > 0 {
			return s.qs.ApplyDeltas(dels, opts)
		}
		return nil
	})
	if err != nil {
		s.broken = err
		return err
	}
	return syncPoint("after " + name)
}

// splitByAction parts deltas into additions and removals, each in order:
// the two transactions of a journalled write.
func splitByAction(deltas []cgraph.Delta) (adds, dels []cgraph.Delta) {
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			adds = append(adds, d)
		} else {
			dels = append(dels, d)
		}
	}
	return adds, dels
}

// losesValues reports whether a batch hits Cayley's bug: a value used by a
// quad it adds is used by more quads it removes.
func losesValues(deltas []cgraph.Delta) bool {
	net := map[string]int{}
	used := map[string]bool{}
	for _, d := range deltas {
		n := 1
		if d.Action == cgraph.Delete {
			n = -1
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				net[v.String()] += n
				if n > 0 {
					used[v.String()] = true
				}
			}
		}
	}
	for v := range used {
		if net[v] < 0 {
			return true
		}
	}
	return false
}

func (s *Store) undo(adds []cgraph.Delta) error {
	rm := make([]cgraph.Delta, len(adds))
	for i, d := range adds {
		rm[i] = cgraph.Delta{Action: cgraph.Delete, Quad: d.Quad}
	}
	return s.qs.ApplyDeltas(rm, cgraph.IgnoreOpts{IgnoreMissing: true})
}

// articlesFrom lists the articles loaded from a source path.
func (s *Store) articlesFrom(ctx context.Context, path string) ([]quad.IRI, error) {
	subs, err := s.subjects(ctx, schema.SourcePath, quad.String(path), nil)
	if err != nil {
		return nil, err
	}
	var out []quad.IRI
	for _, v := range subs {
		if iri, ok := v.(quad.IRI); ok {
			out = append(out, iri)
		}
	}
	return out, nil
}

// FindArticle resolves what a user typed to name an article: its IRI, its id
// (the IRI's last segment), or the path of the file it was loaded from.
func (s *Store) FindArticle(ctx context.Context, ref string) (quad.IRI, error) {
	cands := []quad.IRI{}
	switch {
	case strings.HasPrefix(ref, "<") && strings.HasSuffix(ref, ">"):
		cands = append(cands, quad.IRI(ref[1:len(ref)-1]))
	case strings.Contains(ref, "://"):
		cands = append(cands, quad.IRI(ref))
	default:
		if abs, err := filepath.Abs(ref); err == nil {
			from, err := s.articlesFrom(ctx, abs)
			if err != nil {
				return "", err
			}
			if len(from) > 0 {
				return from[0], nil
			}
		}
		cands = append(cands, schema.ArticleIRI(ref))
	}
	for _, c := range cands {
		ok, err := s.has(ctx, quad.Quad{Subject: c, Predicate: schema.Type, Object: schema.NewsArticle, Label: c})
		if err != nil {
			return "", err
		}
		if ok {
			return c, nil
		}
	}
	return "", fmt.Errorf("no article %q in the store (give the file path it was loaded from, its id or its IRI; `kg stats --articles` lists them)", ref)
}

// StoredArticle is how an article was stored: for telling, before
// extracting a file again, whether it is unchanged.
type StoredArticle struct {
	IRI       quad.IRI
	Source    string // absolute path it was loaded from, "" for standard input
	Published string // schema:datePublished, "" if none
}

// ArticlesWithHash lists the articles stored with a kg:contentHash.
func (s *Store) ArticlesWithHash(ctx context.Context, hash string) ([]StoredArticle, error) {
	subs, err := s.subjects(ctx, schema.ContentHash, quad.String(hash), nil)
	if err != nil {
		return nil, err
	}
	var out []StoredArticle
	for _, v := range subs {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		a := StoredArticle{IRI: iri}
		if ps, err := s.objects(ctx, iri, schema.SourcePath, iri); err != nil {
			return nil, err
		} else if len(ps) > 0 {
			a.Source = schema.Text(ps[0])
		}
		if ds, err := s.objects(ctx, iri, schema.DatePublished, iri); err != nil {
			return nil, err
		} else if len(ds) > 0 {
			a.Published = schema.Text(ds[0])
		}
		out = append(out, a)
	}
	return out, nil
}
