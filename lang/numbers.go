package lang

import (
	"fmt"
	"strconv"
)

func fmtSscan(text string, f *float64) (int, error) {
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", text)
	}
	*f = v
	return 1, nil
}

// formatNumber prints a float without trailing zeros: 1.5, 200, 0.25.
func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
