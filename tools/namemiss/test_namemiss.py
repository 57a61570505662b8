"""Unit tests of namemiss.py: python3 -m unittest test_namemiss (tools/namemiss/namemiss_test.go runs them
under `go test ./...`)."""
import os, sys, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from namemiss import classify  # noqa: E402

TEXT = ('Analysts at Brindle Quay said the Tarrowmere Seismic Centre and the regulator KSTL were hit. '
        'The Tarrowmere authorities declined to comment. a regional office in Oslo was spared.')


def cand(text, best=None, p=0.0, found=None):
    c = {'text': text, 'best': best, 'p': p}
    if found:
        c['found'] = found
    return c


class Classify(unittest.TestCase):
    def test_scored_candidates_by_the_cut_and_the_type(self):
        cands = [cand('Brindle Quay', 'organization', 0.9)]
        self.assertEqual(classify('Brindle Quay', 'organization', 'missed', cands, TEXT), 'candidate, scored right')
        self.assertEqual(classify('Brindle Quay', 'government', 'missed', cands, TEXT),
                         'candidate, scored as another type')
        self.assertEqual(classify('Brindle Quay', 'organization', 'missed', cands, TEXT, cut=0.95),
                         'candidate, right type below the cut')
        located = [cand('Brindle Quay', 'location', 0.9)]
        self.assertEqual(classify('Brindle Quay', 'organization', 'missed', located, TEXT),
                         'candidate, likeliest a place, group, malware or tool')

    def test_no_candidate_causes(self):
        place = [cand('Tarrowmere', found='location')]
        self.assertEqual(classify('Tarrowmere Seismic Centre', 'government', 'missed', place, TEXT),
                         'no candidate: holds a rule mention')
        self.assertEqual(classify('KSTL', 'government', 'missed', [], TEXT), 'no candidate: one word in capitals')
        self.assertEqual(classify('Tarrowmere authorities', 'government', 'missed', [], TEXT),
                         'no candidate: lower-case words inside')
        self.assertEqual(classify('a regional office in Oslo', 'government', 'missed', [], TEXT),
                         'no candidate: lower-case first word')
        self.assertEqual(classify('Quay', 'organization', 'missed', [cand('Brindle Quay', 'person', 0.2)], TEXT),
                         'no candidate: inside a longer candidate')
        self.assertEqual(classify('Harlow Vale', 'organization', 'missed', [], TEXT), 'not in the text as written')

    def test_wrong_type_and_the_scorer_key(self):
        self.assertEqual(classify('Brindle Quay', 'organization', 'wrong-type', [], TEXT), 'found, wrong type')
        # the scorer drops a leading "the" and folds case
        cands = [cand('Brindle quay', 'organization', 0.99)]
        self.assertEqual(classify('The Brindle Quay', 'organization', 'missed', cands, TEXT), 'candidate, scored right')


if __name__ == '__main__':
    unittest.main()
