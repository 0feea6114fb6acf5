package loaders

import (
	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/extract"
	"github.com/kgnews/kg/loaders/ner"
	"github.com/kgnews/kg/loaders/temporal"
)

// DataReads are extraction's one-time reads of its embedded data: the NER
// model, the lexicon, the frames (Hindi and English) and the word lists.
// Each is done once per process, whoever asks first; kg load starts them
// side by side beside the store's opening, so that the first article does
// not wait for them one after another. One list, so that what kg load
// warms and what BenchmarkStartup measures stay the same.
func DataReads() []func() error {
	return []func() error{
		func() error { _, err := ner.Default(); return err },
		func() error { _, err := entity.Default(); return err },
		func() error { _, err := event.Default(); return err },
		func() error { _, err := event.English(); return err },
		temporal.Check,
		extract.Check,
	}
}
