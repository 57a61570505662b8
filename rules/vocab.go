package rules

import (
	"fmt"
	"strings"
)

// CTI vocabulary the Go mechanisms read. The words an analyst would extend
// (the verbs that deny an attribution, the words that compare two actors,
// the verbs that name an actor, ...) are pack lists (rules/pack
// core-vocabulary.yaml, docs/rules.md "Vocabulary lists"), so a pack given
// with --rules changes them by redefining the list. Each list is folded into
// a set once, when the pack is compiled: a lookup costs what the Go map it
// replaces cost. Grammar words (pronouns, determiners) stay in Go.

// vocabulary holds the folded vocabulary lists of a pack.
type vocabulary struct {
	asideNegations    map[string]bool // rel_aside_negations (relation_topic_aside.go)
	asideAttribWords  map[string]bool // rel_aside_attribution_words
	asideAttribStems  []string        // rel_aside_attribution_stems: prefixes
	comparisonWords   map[string]bool // rel_comparison_words (relation_compared.go)
	namingVerbs       map[string]bool // rel_naming_verbs (relation_cataphor.go)
	describingVerbs   map[string]bool // rel_describing_verbs (relation_cataphor.go)
	namedPhraseHeads  map[string]bool // rel_named_phrase_heads (relation_cataphor.go)
	namingParticiples map[string]bool // rel_naming_participles (relation_described.go)
	namingClauseWords map[string]bool // rel_naming_clause_words (relation_described.go)
	victimParticiples map[string]bool // rel_victim_participles (relation_coord_kinds.go)
	amongParticiples  map[string]bool // rel_among_participles (relation_victims_after.go)
	bodyNPHeads       map[string]bool // rel_body_np_heads (relation_actor_np.go)
	bodyModifiers     map[string]bool // rel_body_np_modifiers (relation_actor_np.go)
	leakFromWords     map[string]bool // rel_leak_from_words (relation_topic_leaker.go)
	leakWords         map[string]bool // rel_leak_words (relation_topic_leaker.go)
	whereaboutsNouns  map[string]bool // rel_whereabouts_nouns (relation_topic_whereabouts.go)
	sponsoredNouns    map[string]bool // rel_sponsored_nouns (relation_topic_sponsor.go)
	findingVerbs      map[string]bool // rel_finding_verbs (relation_body_description.go)
	namePlaceAbout    map[string]bool // rel_name_place_about_words (relation_name_place.go)
	namePlaceHeads    map[string]bool // rel_name_place_branch_nouns (relation_name_place.go)
	namePlaceBodies   map[string]bool // rel_name_place_body_heads (relation_name_place.go)
	subjectBackNouns  map[string]bool // rel_subject_back_nouns (anaphor_subject.go)
	attackNouns       map[string]bool // rel_attack_nouns (relation_fallback.go victimNounAt)
	victimPlaceHeads  map[string]bool // rel_victim_place_heads (relation_victim_places.go)
	exploitCues       map[string]bool // rel_exploit_cue_words (relation_fallback.go)
	widenPlaceNouns   map[string]bool // rel_widen_place_nouns (relation_kind_widen.go)
	staffNouns        map[string]bool // rel_company_staff_nouns (relation_fallback.go, propagate.go)
	splitParticles    map[string]bool // team_split_particles (relation_listintro.go)
	listMalwareNouns  map[string]bool // rel_list_malware_nouns (relation_fallback.go)

	// relation_expletive.go, relation_contact_relative.go
	expletiveOrdinals   map[string]bool // rel_expletive_ordinals
	expletiveAdjectives map[string]bool // rel_expletive_adjectives
	expletiveToAdjs     map[string]bool // rel_expletive_to_adjectives
	expletiveOpeners    map[string]bool // rel_expletive_openers
	contactTimeNouns    map[string]bool // rel_contact_time_nouns
	contactVerbs        map[string]bool // rel_contact_verbs
	closingSpeakerVerbs map[string]bool // rel_closing_speaker_verbs (relation_closing_speaker.go)
	companyDamageWords  map[string]bool // rel_company_damage_words (relation_company_damage.go)
	companyInfinitives  map[string]bool // rel_company_infinitives (relation_company_damage.go)
	agentVerbsTo        map[string]bool // rel_agent_verbs_to (relation_attributed_agent.go)
	agentVerbsOn        map[string]bool // rel_agent_verbs_on
	agentPeopleNouns    map[string]bool // rel_agent_people_nouns
	personListIntros    map[string]bool // name_model_person_list_intros (propagate_lists.go)
	listItemOtherRoles  map[string]bool // rel_list_item_other_roles (relation_listintro.go)
	maleNames           map[string]bool // person_male_given_names (relation_he_subject.go)
	femaleNames         map[string]bool // person_female_given_names

	personSpeechVerbs  map[string]bool // person_speech_verbs (propagate_persons.go, relation_group.go)
	titleWords         map[string]bool // rel_title_words (relation_match.go, afterTitledPreposition)
	actorHeads         map[string]bool // gazetteer_actor_heads (gazetteer.go)
	companySuffixes    map[string]bool // company_short_name_suffixes (propagate.go)
	companyDescriptors map[string]bool // company_stem_descriptors (propagate.go)
	companyGeneric     map[string]bool // company_generic_words (propagate.go)

	// detection_names.go
	detectionWords     map[string]bool // detection_words
	detectionGeneric   map[string]bool // detection_generic_words
	detectionKinds     map[string]bool // detection_kinds
	detectionPlatforms map[string]bool // detection_platforms
	trendPrefixes      map[string]bool // detection_trend_prefixes
	microsoftKinds     map[string]bool // detection_microsoft_kinds
	toolKinds          map[string]bool // detection_tool_kinds
	fileExtensions     map[string]bool // detection_file_extensions (also namestage.go)
}

// vocabSets lists the vocabulary's word sets by pack list name.
func (v *vocabulary) sets() map[string]*map[string]bool {
	return map[string]*map[string]bool{
		"rel_aside_negations":           &v.asideNegations,
		"rel_aside_attribution_words":   &v.asideAttribWords,
		"rel_comparison_words":          &v.comparisonWords,
		"rel_naming_verbs":              &v.namingVerbs,
		"rel_describing_verbs":          &v.describingVerbs,
		"rel_named_phrase_heads":        &v.namedPhraseHeads,
		"rel_naming_participles":        &v.namingParticiples,
		"rel_naming_clause_words":       &v.namingClauseWords,
		"rel_victim_participles":        &v.victimParticiples,
		"rel_among_participles":         &v.amongParticiples,
		"rel_body_np_heads":             &v.bodyNPHeads,
		"rel_body_np_modifiers":         &v.bodyModifiers,
		"rel_leak_from_words":           &v.leakFromWords,
		"rel_leak_words":                &v.leakWords,
		"rel_whereabouts_nouns":         &v.whereaboutsNouns,
		"rel_sponsored_nouns":           &v.sponsoredNouns,
		"rel_finding_verbs":             &v.findingVerbs,
		"rel_name_place_about_words":    &v.namePlaceAbout,
		"rel_name_place_branch_nouns":   &v.namePlaceHeads,
		"rel_name_place_body_heads":     &v.namePlaceBodies,
		"rel_subject_back_nouns":        &v.subjectBackNouns,
		"rel_attack_nouns":              &v.attackNouns,
		"rel_victim_place_heads":        &v.victimPlaceHeads,
		"rel_exploit_cue_words":         &v.exploitCues,
		"rel_widen_place_nouns":         &v.widenPlaceNouns,
		"rel_company_staff_nouns":       &v.staffNouns,
		"team_split_particles":          &v.splitParticles,
		"rel_list_malware_nouns":        &v.listMalwareNouns,
		"rel_expletive_ordinals":        &v.expletiveOrdinals,
		"rel_expletive_adjectives":      &v.expletiveAdjectives,
		"rel_expletive_to_adjectives":   &v.expletiveToAdjs,
		"rel_expletive_openers":         &v.expletiveOpeners,
		"rel_contact_time_nouns":        &v.contactTimeNouns,
		"rel_contact_verbs":             &v.contactVerbs,
		"rel_closing_speaker_verbs":     &v.closingSpeakerVerbs,
		"rel_company_damage_words":      &v.companyDamageWords,
		"rel_list_item_other_roles":     &v.listItemOtherRoles,
		"person_male_given_names":       &v.maleNames,
		"person_female_given_names":     &v.femaleNames,
		"person_speech_verbs":           &v.personSpeechVerbs,
		"rel_title_words":               &v.titleWords,
		"gazetteer_actor_heads":         &v.actorHeads,
		"company_short_name_suffixes":   &v.companySuffixes,
		"company_stem_descriptors":      &v.companyDescriptors,
		"company_generic_words":         &v.companyGeneric,
		"detection_words":               &v.detectionWords,
		"detection_generic_words":       &v.detectionGeneric,
		"detection_kinds":               &v.detectionKinds,
		"detection_platforms":           &v.detectionPlatforms,
		"detection_trend_prefixes":      &v.trendPrefixes,
		"detection_microsoft_kinds":     &v.microsoftKinds,
		"detection_tool_kinds":          &v.toolKinds,
		"detection_file_extensions":     &v.fileExtensions,
		"rel_company_infinitives":       &v.companyInfinitives,
		"rel_agent_verbs_to":            &v.agentVerbsTo,
		"rel_agent_verbs_on":            &v.agentVerbsOn,
		"rel_agent_people_nouns":        &v.agentPeopleNouns,
		"name_model_person_list_intros": &v.personListIntros,
	}
}

// listAsideAttribStems names the pack list of attribution stems
// ("attribut" fits "attributed", "attributing", "attribution").
const listAsideAttribStems = "rel_aside_attribution_stems"

// readVocabulary folds the pack's vocabulary lists into c.p.cti. A list
// the pack lacks leaves an empty set.
func (c *compiler) readVocabulary(lists map[string]*listSpec) {
	v := &c.p.cti
	for name, set := range v.sets() {
		*set = c.singleWords(lists[name])
	}
	v.asideAttribStems = nil
	if l, ok := lists[listAsideAttribStems]; ok {
		for _, it := range l.items {
			v.asideAttribStems = append(v.asideAttribStems, foldKey(strings.TrimSpace(it.s)))
		}
	}
}

// singleWords folds the items of a list of single words (foldedWords,
// namestage.go) and warns, for lint, of every item with a space inside
// ("similar to"): such a list is looked up one token at a time, so the
// item would never match.
func (c *compiler) singleWords(l *listSpec) map[string]bool {
	if l != nil {
		for _, it := range l.items {
			if len(strings.Fields(it.s)) < 2 {
				continue
			}
			pr := Problem{File: l.file, Severity: SeverityWarning,
				Message: fmt.Sprintf("list %q: item %q has several words, but the list holds single words: it never matches", l.name, it.s)}
			if n := it.node; n != nil {
				pr.Line, pr.Column = n.Line, n.Column
			} else if l.node != nil {
				pr.Line, pr.Column = l.node.Line, l.node.Column
			}
			c.probs = append(c.probs, pr)
		}
	}
	return foldedWords(l)
}

// genericNameWord reports whether w, a capitalised word, names no company
// alone: a word of company_generic_words, or "the".
func (v *vocabulary) genericNameWord(w string) bool {
	w = strings.ToLower(w)
	return w == "the" || v.companyGeneric[w]
}
