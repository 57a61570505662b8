package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/reportgraph/extractor/nlp"
	"github.com/reportgraph/extractor/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, lint and test extraction rules",
		Long: `Rules are YAML files (see docs/rules.md). The default pack is built in;
--rules DIR adds a pack that extends it or overrides rules by id.`,
		Example: `  extractor rules list
  extractor rules lint --rules my-rules/
  extractor rules test --rules my-rules/ -v`,
	}
	cmd.AddCommand(newRulesListCmd(), newRulesLintCmd(), newRulesTestCmd(), newRulesProfileCmd())
	return cmd
}

func newRulesListCmd() *cobra.Command {
	var dirs []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every active rule with its kind, type, priority and file",
		Example: `  extractor rules list
  extractor rules list --json | jq '.[] | select(.kind=="pattern") | .id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := rules.Load(dirs...)
			if err != nil {
				return err
			}
			infos := pack.Rules()
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(infos)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tKIND\tTYPE\tPRIORITY\tENTRIES\tEXAMPLES\tFILE")
			for _, r := range infos {
				typ := r.Type
				if r.Subtype != "" {
					typ += "/" + r.Subtype
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s:%d\n", r.ID, r.Kind, typ, r.Priority, r.Entries, r.Examples, r.File, r.Line)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringArrayVar(&dirs, "rules", nil, "a folder of YAML rules added to the default pack (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	return cmd
}

func newRulesLintCmd() *cobra.Command {
	var dirs []string
	var strict bool
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Check rule files: schema errors, unknown fields, duplicate ids, unreachable rules",
		Long: `Prints every problem as file:line:column. Exits 1 when there is an error
(or, with --strict, a warning).`,
		Example: `  extractor rules lint
  extractor rules lint --rules my-rules/ --strict`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			probs := rules.Lint(dirs...)
			var errs, warns int
			for _, p := range probs {
				fmt.Fprintln(cmd.OutOrStdout(), p.String())
				switch p.Severity {
				case rules.SeverityError:
					errs++
				case rules.SeverityWarning:
					warns++
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d errors, %d warnings\n", errs, warns)
			if errs > 0 || (strict && warns > 0) {
				return silentError{}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&dirs, "rules", nil, "a folder of YAML rules added to the default pack (repeatable)")
	cmd.Flags().BoolVar(&strict, "strict", false, "treat warnings as errors")
	return cmd
}

func newRulesTestCmd() *cobra.Command {
	var dirs []string
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test",
		Short: "Run every rule's example sentences against the whole pack",
		Long: `Each rule's "examples" must hold when the complete pack runs on them: match
examples produce the expected mentions, no_match examples produce nothing
from that rule. Failures are printed as file:line; the exit status is 1 when
any example fails.`,
		Example: `  extractor rules test
  extractor rules test --rules my-rules/ -v`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := rules.Load(dirs...)
			if err != nil {
				return err
			}
			an, err := nlp.New()
			if err != nil {
				return err
			}
			if rules.WriteTestReport(cmd.OutOrStdout(), pack.Test(an), verbose) > 0 {
				return silentError{}
			}
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&dirs, "rules", nil, "a folder of YAML rules added to the default pack (repeatable)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print every example, not only failures")
	return cmd
}
