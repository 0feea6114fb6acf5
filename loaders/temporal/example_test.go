package temporal_test

import (
	"fmt"
	"time"

	"github.com/kgnews/kg/loaders/temporal"
)

func ExampleFind() {
	published := time.Date(2025, 8, 13, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, s := range []string{
		"यह जानकारी सरकारी मीडिया ने बुधवार को दी।",
		"जब शुक्रवार को ट्रंप और पुतिन की मुलाकात तय है",
		"यह समझौता पिछले साल जून में हुआ था।",
		"जो 1910-45 के जापान के औपनिवेशिक शासन से मुक्ति का प्रतीक है",
	} {
		for _, e := range temporal.Find(s, published, temporal.Unknown) {
			if e.EndDate.IsZero() {
				fmt.Println(e.Text, "→", e.Kind, e.Value)
			} else {
				fmt.Println(e.Text, "→", e.Kind, e.Value, "to", e.EndDate)
			}
		}
	}
	// Output:
	// बुधवार को → weekday 2025-08-13
	// शुक्रवार को → weekday 2025-08-15
	// पिछले साल जून में → relative 2024-06
	// 1910-45 → range 1910 to 1945
}

func ExampleDetectTense() {
	fmt.Println(temporal.DetectTense("पुतिन ने उसे बधाई दी"))
	fmt.Println(temporal.DetectTense("जिसमें युद्ध को रोकने पर चर्चा होगी"))
	// Output:
	// past
	// future
}
