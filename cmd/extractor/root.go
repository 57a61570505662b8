package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "extractor",
		Short: "Extract threat actors, organisations and their relations from CTI reports",
		Long: `extractor reads cyber-threat-intelligence reports (PDF, HTML, text, URLs) and
extracts the named parties an analyst cares about — threat actors, companies,
government bodies, people, places, malware, tools, vulnerabilities,
indicators — each with the evidence that names it.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newTextCmd(), newExtractCmd(), newRulesCmd(), newVersionCmd(), newEvalCmd(), newTrainPairsCmd(), newTrainNamesCmd())
	return root
}
