package main

import (
	"fmt"
	"runtime/debug"

	"github.com/cnplan/cnplan/pkg/record"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Schema names the output format; it changes when a field changes meaning
// or is removed (adding fields keeps it).
const Schema = record.Schema

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print cnplan's version and output schema",
		Example: "  cnplan version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(s.Out, versionLine())
			return nil
		},
	}
}

// versionLine is what both version and --version print.
func versionLine() string {
	goVersion := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
	}
	return fmt.Sprintf("cnplan %s (schema %s, %s)", version, Schema, goVersion)
}
