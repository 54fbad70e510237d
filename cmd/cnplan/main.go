// Command cnplan reads Chinese government plan documents and extracts their
// numeric targets, deadlines and responsible units as structured data.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/cnplan/cnplan/pkg/outfile"
)

func main() {
	// Interrupted (Ctrl-C, kill, a closed pipe): remove the -o file being
	// written and any other temporary file, then exit as the signal says.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	go func() {
		sig := <-sigs
		outfile.RemoveTemps()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
	code := run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	outfile.RemoveTemps()
	os.Exit(code)
}
