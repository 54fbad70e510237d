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
	// Interrupted (Ctrl-C, kill, a closed terminal): remove the -o file
	// being written and any other temporary file, then exit as the signal
	// says. SIGPIPE is left to Go's default (a closed stdout ends the
	// process): caught, it would also fire for a pipe to a child process.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-sigs
		outfile.RemoveTemps()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
	code := run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	outfile.RemoveTemps()
	os.Exit(code)
}
