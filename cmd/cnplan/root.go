package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cnplan/cnplan/pkg/outfile"
	"github.com/spf13/cobra"
)

// Exit codes, for scripts: 0 all inputs worked, 1 an input failed (or,
// for diff, differences found), 2 the command line was wrong.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// streams are injected so tests drive commands without a subprocess.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
}

// usageError marks a mistake in the command line.
type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// inputFailed reports that some inputs failed; each was already reported on
// stderr, so it carries no message of its own.
var errInputFailed = errors.New("some inputs failed")

// exitError carries a specific exit status (diff uses 1 for "differs").
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "cnplan",
		Short: "Extract targets, deadlines and responsible units from Chinese plan documents",
		Long: `cnplan reads Chinese government plan documents (规划, 行动方案, 通知, news
reports of them), in simplified or traditional characters, as .txt, .html or
.docx in any common encoding, and turns them into structured data: numeric
targets, deadlines, responsible units and the document's own metadata.`,
		Example: `  cnplan extract testdata/corpus/001_739e833243cd6df4.txt
  cnplan extract --format csv -o targets.csv notices/
  cnplan segment testdata/corpus/003_1291eae2c3d8fdfd.txt`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	// --version, as every command-line tool has; the version command says
	// the same.
	root.Version = version
	root.SetVersionTemplate(versionLine() + "\n")
	root.AddCommand(newVersionCmd(s), newSegmentCmd(s))
	for _, add := range extraCommands {
		root.AddCommand(add(s))
	}
	return root
}

// extraCommands lets each command file register itself.
var extraCommands []func(streams) *cobra.Command

func run(args []string, s streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	var ue usageError
	var ee exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errInputFailed):
		return exitInput
	case errors.As(err, &ue) || isCobraUsage(err):
		// Name the help of the command that was run: its flags and
		// examples are there, not in the root's.
		help := "cnplan --help"
		if cmd != nil {
			help = cmd.CommandPath() + " --help"
		}
		fmt.Fprintf(s.Err, "cnplan: %v (see %s)\n", err, help)
		return exitUsage
	default:
		fmt.Fprintf(s.Err, "cnplan: %v\n", err)
		return exitInput
	}
}

// isCobraUsage recognises cobra's own argument errors, which it returns
// as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// openOutput returns where to write: -o FILE or stdout. A file is written
// under a temporary name beside it and renamed into place by closeOut, so
// an interrupted run leaves no half-written output (abortOutput drops it
// when the run fails; the signal handler in main removes it).
func openOutput(path string, stdout io.Writer) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := outfile.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Commit, nil
}

// abortOutput removes an -o file being written; stdout is left alone.
func abortOutput(w io.Writer) {
	if f, ok := w.(*outfile.File); ok {
		f.Abort()
	}
}
