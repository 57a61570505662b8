"""Unit tests of relmiss.py: python3 -m unittest discover -s tools/relmiss (the Go test
tools/relmiss/relmiss_test.go runs them under `go test ./...`)."""
import io, json, os, sys, tempfile, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relmiss  # noqa: E402
from relmiss import Names, judge_anaphor  # noqa: E402


def judge(sent, missing_types, present, present_types=('organization',), others=()):
    found, rejected = judge_anaphor(sent, missing_types, Names(present, present_types), list(present) + list(others))
    return found, [why for why, _ in rejected]


class JudgeAnaphor(unittest.TestCase):
    def test_group_stands_for_an_actor(self):
        found, _ = judge('Researchers say the group later went after shipping firms in Norway.',
                         ['threat-actor'], ['Norway'], ['location'])
        self.assertEqual(found, ('defnp', 'the group'))

    def test_person_pronoun_needs_a_person(self):
        s = 'He also wrote code for Northwind Analytics.'
        self.assertEqual(judge(s, ['person'], ['Northwind Analytics'])[0], ('pronoun', 'he'))
        self.assertEqual(judge(s, ['organization'], ['Northwind Analytics']), (None, ['type']))

    def test_people_noun_is_not_an_army(self):
        s = 'The individuals worked from an office block in Harbin.'
        self.assertEqual(judge(s, ['government', 'organization'], ['Harbin'], ['location']), (None, ['type']))

    def test_fixed_phrases(self):
        for s in ['Vendors shipped a fix for the flaw in Oslo before it was patched.',
                  'Most of them were based in Oslo.',
                  'Kestrel Labs kept its own label for the cluster.',
                  'Kestrel Labs found a backdoor it calls Tidewire.',
                  'It is likely that Kestrel Labs saw the same servers.']:
            found, why = judge(s, ['threat-actor', 'person'], ['Kestrel Labs', 'Oslo'])
            self.assertIsNone(found, s)
            self.assertIn('fixed-phrase', why, s)

    def test_inside_a_longer_name(self):
        s = 'Agents of the Department of Justice arrested Ivo Brandt in Lyon.'
        self.assertEqual(judge(s, ['government'], ['Ivo Brandt'], ['person']), (None, ['inside-name']))
        # a gold name that holds the word: "Its members" names another entity
        s = 'Its members later joined Brightline.'
        self.assertEqual(judge(s, ['threat-actor'], ['Brightline'], others=['Its members']),
                         (None, ['inside-name']))

    def test_possessive_after_the_other_end_is_bound_to_it(self):
        s = 'Northwind Analytics said its analysts saw the intrusion.'
        self.assertEqual(judge(s, ['threat-actor'], ['Northwind Analytics']), (None, ['bound-to-other-end']))
        # an appositive right after the other end refers elsewhere
        s = 'Brightline, its subsidiary in Lisbon, ran the servers.'
        self.assertEqual(judge(s, ['organization'], ['Brightline'])[0], ('pronoun', 'its'))
        s = 'Prosecutors named Harbor Ltd in Porto and Brightline, its counterpart in Lisbon.'
        names = {'Harbor Ltd': ['organization'], 'Brightline': ['organization']}
        found, _ = judge_anaphor(s, ['organization'], Names(['Brightline'], ['organization']), names)
        self.assertEqual(found, ('pronoun', 'its'))

    def test_subject_of_a_speaker_is_the_speaker(self):
        for s in ['Kestrel Labs said it had seen the same servers in Oslo.',
                  'The Oslo Cyber Centre (OCC) noted that it was confident of the link.']:
            self.assertEqual(judge(s, ['threat-actor'], ['Oslo'], ['location'],
                                   others=['Kestrel Labs', 'Oslo Cyber Centre', 'OCC']),
                             (None, ['bound-to-speaker']), s)
        s = 'Prosecutors said it had sold access to Brightline.'
        self.assertEqual(judge(s, ['threat-actor'], ['Brightline'])[0], ('pronoun', 'it'))

    def test_possessive_after_another_name_is_bound_to_it(self):
        s = 'When Kestrel Labs published its report, the victims in Oslo were named.'
        names = {'Kestrel Labs': ['organization'], 'Oslo': ['location']}
        found, rejected = judge_anaphor(s, ['threat-actor'], Names(['Oslo'], ['location']), names)
        self.assertEqual((found, rejected), (None, [('bound-to-named', 'its')]))
        # without a fitting name before it the possessive stands for the missing end
        s = 'Its victims were in Oslo.'
        found, _ = judge_anaphor(s, ['threat-actor'], Names(['Oslo'], ['location']), names)
        self.assertEqual(found, ('pronoun', 'its'))

    def test_first_plausible_anaphor_wins(self):
        s = 'Most of them left, but the crew kept working for Brightline.'
        found, why = judge(s, ['threat-actor'], ['Brightline'])
        self.assertEqual(found, ('defnp', 'the crew'))
        self.assertEqual(why, ['fixed-phrase'])


class Classify(unittest.TestCase):
    """classify() and report() on a tiny generated corpus (one document, its gold and an eval report)."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        d = self.dir.name
        self.text = ('Kestrel Labs described Tidewire in March.\n\n'
                     'Ivo Brandt wrote code for Northwind Analytics. Later he moved to Oslo.\n\n'
                     'Harbor Spider ran the servers. It also went after Lisbon.\n'
                     'Before it was patched, the flaw let Harbor Spider reach Porto.\n\n'
                     'Targets:\n- Madrid\n')
        src = os.path.join(d, 'doc.txt')
        with open(src, 'w') as f:
            f.write(self.text)
        gold = {'entities': [
            {'names': ['Kestrel Labs'], 'types': ['organization']},
            {'names': ['Tidewire'], 'types': ['malware']},
            {'names': ['Ivo Brandt'], 'types': ['person']},
            {'names': ['Northwind Analytics'], 'types': ['organization']},
            {'names': ['Oslo'], 'types': ['location']},
            {'names': ['Harbor Spider'], 'types': ['threat-actor']},
            {'names': ['Lisbon'], 'types': ['location']},
            {'names': ['Porto'], 'types': ['location']},
            {'names': ['Madrid'], 'types': ['location']},
        ]}
        gf = os.path.join(d, 'doc.gold.json')
        with open(gf, 'w') as f:
            json.dump(gold, f)
        rel = lambda s, t, ty: {'source': s, 'type': ty, 'target': t, 'verdict': 'missed'}
        self.ev = {'documents': [{
            'document': 'doc.txt', 'gold_file': gf, 'source': src,
            'missed': [{'name': 'Tidewire', 'type': 'malware', 'verdict': 'missed'}],
            'missed_relations': [
                rel('Kestrel Labs', 'Tidewire', 'uses'),               # end not extracted
                rel('Ivo Brandt', 'Northwind Analytics', 'employed-by'),  # same sentence
                rel('Ivo Brandt', 'Oslo', 'located-in'),               # adjacent, "he"
                rel('Harbor Spider', 'Lisbon', 'targets'),             # adjacent, "It"
                rel('Northwind Analytics', 'Lisbon', 'targets'),       # "It" fits an organisation too
                rel('Ivo Brandt', 'Madrid', 'located-in'),             # list item
            ]}]}
        self.texts = {os.path.abspath(src): self.text}

    def tearDown(self):
        self.dir.cleanup()

    def test_counts_and_show(self):
        res = relmiss.classify(self.ev, self.texts)
        self.assertEqual(res['total'], 6)
        self.assertEqual(res['cls']['end-not-extracted'], 1)
        self.assertEqual(res['cls']['same-sentence'], 1)
        self.assertEqual(res['anaphors']['pronoun:he'], 1)
        self.assertEqual(res['anaphors']['pronoun:it'], 2)
        shapes = {lk for _, lk in res['link']}
        self.assertIn('list-item', shapes)
        # --show takes every class the summary prints
        for c in list(res['cls']) + list(shapes) + ['%s/%s' % k for k in res['link']] + list(res['anaphors']):
            out = io.StringIO()
            self.assertEqual(relmiss.report(res, c, out), 0, c)
            self.assertIn('---', out.getvalue(), c)
        out = io.StringIO()
        self.assertEqual(relmiss.report(res, 'no-such-class', out), 2)
        self.assertIn('end-not-extracted', out.getvalue())

    def test_rules_only_turns_both_models_off(self):
        self.assertNotIn('--relation-model=false', relmiss.eval_command('x', 'c'))
        cmd = relmiss.eval_command('x', 'c', rules_only=True)
        self.assertIn('--relation-model=false', cmd)
        self.assertIn('--name-model=false', cmd)

    def test_fixed_phrase_is_not_an_anaphor(self):
        self.ev['documents'][0]['missed_relations'] = [
            {'source': 'Harbor Spider', 'type': 'targets', 'target': 'Porto', 'verdict': 'missed'}]
        # Harbor Spider is named in Porto's sentence: same sentence, no anaphor needed
        res = relmiss.classify(self.ev, self.texts)
        self.assertEqual(res['cls']['same-sentence'], 1)
        self.ev['documents'][0]['missed_relations'] = [
            {'source': 'Lisbon', 'type': 'located-in', 'target': 'Porto', 'verdict': 'missed'}]
        res = relmiss.classify(self.ev, self.texts)
        self.assertEqual(sum(res['anaphors'].values()), 0)
        self.assertEqual(res['rejected']['fixed-phrase'], 1)


if __name__ == '__main__':
    unittest.main()
