package extract

import "strings"

// Who acts in a clause when kg cannot read its ने phrase.

// afterErgative reports whether a ने stands in the clause before the
// phrase c. A clause with a ने names its agent there ("नगर निगम ने … कहा",
// a body kg does not link); a bare phrase after it is the verb's object or
// part of one ("… ने सीबीआई जांच के बारे में कहा"), never a stand-in for
// the agent kg could not read.
func (x *extractor) afterErgative(cc *clauseCtx, c *chunk) bool {
	for k := cc.cl.start; k < c.start; k++ {
		if x.d.is("ergative", cc.s.norms[k]) {
			return true
		}
	}
	return false
}

// placeBeforeName reports whether the words a place's genitive would be
// lifted over, from c.postEnd to k, are all words no list knows: "रोमानिया
// की <a name kg lacks> को हराया" names a player of that country, the place
// is whose she is, and the case marker after the name is hers, not the
// place's (the lift is for common nouns: "भारत के नेताओं ने"). Only a
// person's case marker (को, ने, के साथ) says so.
func (x *extractor) placeBeforeName(s *sentence, c *chunk, k int) bool {
	if len(c.ents) == 0 || !c.ents[0].isPlace() || k <= c.postEnd {
		return false
	}
	// a person's case ("को", "ने", "के साथ"); before "में" or "पर" the
	// words are a place inside the place ("रावलपिंडी के <a park> में")
	post := x.postAt(s, k)
	if !x.d.is("ergative", post) && !x.d.is("dative", post) && !x.d.is("comitative", post) {
		return false
	}
	for i := c.postEnd; i < k; i++ {
		if !x.nameWord(s, i) {
			return false
		}
	}
	return true
}

// afterLifted is the bare phrase that begins where a lifted genitive's
// nouns end, right after a role word ("जर्मनी की डॉक्टर <name> कहती हैं":
// the doctor named there), which is the clause's subject in its place;
// nil when there is none. A name right after other words ("X की दोस्त
// <a given name kg lacks> <surname>") is not known to be the whole name.
func (x *extractor) afterLifted(cc *clauseCtx, c *chunk) *chunk {
	nd, _ := loadNameData()
	for _, o := range cc.chunks {
		if o.start == c.postEnd && o.post == "" && !o.consumed && o.pronoun == "" && len(o.ents) > 0 &&
			o.start > 0 && nd.roles.at(cc.s.norms, o.start-1) > 0 {
			return o
		}
	}
	return nil
}

// roleBeforeUnread reports whether the bare phrase c is a role or group
// noun followed by words kg reads as nothing, one of them a word no list
// knows, and then by the clause's ने or its verb of saying ("ब्रिटेन की
// डॉक्टर <a name kg cannot read> कहती हैं"): the one who acts is the unread
// name, and the role noun is better no agent than a wrong one.
func (x *extractor) roleBeforeUnread(cc *clauseCtx, c *chunk) bool {
	s := cc.s
	// people only: "कंपनी <name> ने" is still the company, unnamed, while
	// "doctors" for one doctor is wrong
	for _, e := range c.ents {
		if !e.Local || e.Discovered || e.Type != "Group" {
			return false
		}
	}
	starts := map[int]bool{}
	for _, o := range cc.chunks {
		starts[o.start] = true
	}
	k, name := c.end, false
	for k < cc.cl.end && k < c.end+4 && !starts[k] && isLetterWord(s.norms[k]) && !x.d.stop[s.norms[k]] &&
		x.d.postpos.at(s.norms, k) == 0 && !x.d.is("ergative", s.norms[k]) && !x.speechAfter(s, k) {
		name = name || x.nameWord(s, k)
		k++
	}
	return name && k < cc.cl.end && (x.d.is("ergative", s.norms[k]) || x.speechAfter(s, k))
}

// participleBetween reports whether a participle stands in words [from, to):
// a perfective form of a verb the frames know ("तैयार किये", "लिखी"), a
// participle ending ("की गई", "हुए") or a वाला form. A द्वारा phrase before
// one is that participle's agent ("अधिकारियों द्वारा तैयार किये एक विवरण
// के अनुसार … खर्च किया गया": the officials wrote the account; they did
// not spend), not the agent of the verb after it.
func (x *extractor) participleBetween(s *sentence, from, to int) bool {
	for k := from; k < to && k < len(s.norms); k++ {
		if x.d.cues["participle"].at(s.norms, k) > 0 || x.d.cues["participle-end"].at(s.norms, k) > 0 || x.d.frames.Participle(s.norms[k]) {
			return true
		}
	}
	return false
}

// roleApposition reports whether a group noun joined to a titled person
// describes that person: "किसान नेता और लोक कवि X का कहना था" is one man, a
// peasant leader and a folk poet, not the peasant leaders and X. The
// group is a common noun of the article (no name), the person one, and one
// to three role words (not in the person's phrase: "छात्रों और प्रधानमंत्री
// X ने" are many) stand between the conjunction and the name.
func (x *extractor) roleApposition(s *sentence, c, nx *chunk) bool {
	if len(nx.ents) != 1 || nx.ents[0].Type != "Person" || c.pronoun != "" || len(c.ents) == 0 ||
		c.end >= len(s.norms) || !x.d.is("conjunction", s.norms[c.end]) || s.norms[c.end] == "," ||
		nx.start <= c.end+1 || nx.start > c.end+4 {
		return false
	}
	for _, e := range c.ents {
		if !e.Local || e.Discovered || e.Type != "Group" {
			return false
		}
	}
	nd, _ := loadNameData()
	for k := c.end + 1; k < nx.start; k++ {
		if !isLetterWord(s.norms[k]) || x.d.stop[s.norms[k]] || x.d.postpos.at(s.norms, k) > 0 {
			return false
		}
	}
	// the word right before the name is a role or a title's last word
	last := s.norms[nx.start-1]
	if nd.roles.at(s.norms, nx.start-1) > 0 {
		return true
	}
	for _, t := range x.d.titles {
		if t.words[len(t.words)-1] == last {
			return true
		}
	}
	return false
}

// roleAppositions sets aside a bare group noun that describes the titled
// person after it (roleApposition) and was not joined to it: it names
// nobody else.
func (x *extractor) roleAppositions(s *sentence, chunks []*chunk) {
	for i := 0; i+1 < len(chunks); i++ {
		if c := chunks[i]; c.post == "" && !c.consumed && x.roleApposition(s, c, chunks[i+1]) {
			c.consumed = true
		}
	}
}

// visargaColon reports whether the colon at word i is a visarga typed as a
// colon, glued to the word before it: "स्वत: संज्ञान लेते हुए", "अत:" (the
// adverbs in -तः). It ends no clause, so the ने phrase before it is still
// the agent of the verb after it.
func visargaColon(s *sentence, i int) bool {
	if i == 0 || s.words[i].start != s.words[i-1].end {
		return false
	}
	return strings.HasSuffix(s.norms[i-1], "त")
}
