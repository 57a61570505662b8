package corpus

// PRF is precision, recall and F1. A nil figure does not apply: no
// predictions, no gold, or precision on a non-exhaustive case.
type PRF struct {
	P  *float64 `json:"p"`
	R  *float64 `json:"r"`
	F1 *float64 `json:"f1"`
}

func fptr(x float64) *float64 { return &x }

// prf is score.py's prf: precision over predictions (when it applies),
// recall over gold, F1 when both exist, 0 when one is 0 and the other
// does not apply.
func prf(tpP, nP, tpR, nR int, precisionApplies bool) PRF {
	var out PRF
	if precisionApplies && nP > 0 {
		out.P = fptr(float64(tpP) / float64(nP))
	}
	if nR > 0 {
		out.R = fptr(float64(tpR) / float64(nR))
	}
	switch {
	case !precisionApplies:
	case out.P != nil && out.R != nil:
		p, r := *out.P, *out.R
		if p+r > 0 {
			out.F1 = fptr(2 * p * r / (p + r))
		} else {
			out.F1 = fptr(0)
		}
	case (out.P != nil && *out.P == 0 && out.R == nil) || (out.R != nil && *out.R == 0 && out.P == nil):
		out.F1 = fptr(0)
	}
	return out
}

// mean is the average of the non-nil values (nil when there is none).
// Macro figures may differ from score.py's in the last bits (Python 3.12's
// sum() compensates rounding); micro figures are exact.
func mean(vals []*float64) *float64 {
	var sum float64
	n := 0
	for _, v := range vals {
		if v != nil {
			sum += *v
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return fptr(sum / float64(n))
}

// macro averages one figure over documents.
func macro(figs []*PRF) PRF {
	var p, r, f []*float64
	for _, x := range figs {
		if x == nil {
			continue
		}
		p, r, f = append(p, x.P), append(r, x.R), append(f, x.F1)
	}
	return PRF{P: mean(p), R: mean(r), F1: mean(f)}
}
