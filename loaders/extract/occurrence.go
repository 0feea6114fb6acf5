package extract

// Occurrences: how many times an event has happened ("नौ बार जीता",
// kg:times) and which time this one is ("नौवीं बार", kg:ordinal), as
// sports, election and disaster reports count them.

// occurrences reads "N बार" and "Nवीं बार" in the clause and gives the
// count to the first event after it ("लगातार पांचवीं बार ख़िताब जीता",
// "नौ बार फ्रेंच ओपन जीतने वाले"). "एक बार" is "once" or the idiom "एक बार
// फिर" (once again), and counts nothing.
func (x *extractor) occurrences(cc *clauseCtx, events []*Event) {
	s := cc.s
	for k := cc.cl.start; k+1 < cc.cl.end; k++ {
		if !x.d.is("iteration", s.norms[k+1]) || cc.timeWords[k] {
			continue
		}
		var times, ord int64
		if v, ok := parseDigits(s.norms[k]); ok {
			times = v
		} else if nw, ok := x.d.numbers[s.norms[k]]; ok && !nw.multiplier {
			times = nw.value
		} else if o, ok := x.ordinalOf(s.norms[k]); ok {
			ord = int64(o)
		}
		if times == 1 || times+ord == 0 || times > 10000 || ord > 10000 {
			continue
		}
		for _, ev := range events {
			if ev.trig.Start > k+1 {
				if ev.Times == 0 {
					ev.Times = times
				}
				if ev.Ordinal == 0 {
					ev.Ordinal = ord
				}
				break
			}
		}
	}
}
