// Command cnplan reads Chinese government plan documents and extracts their
// numeric targets, deadlines and responsible units as structured data.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/cnplan/cnplan/pkg/outfile"
)

// memoryLimit is the Go heap size past which the collector runs more
// often (a soft limit: a run that needs more still gets it).
const memoryLimit = 768 << 20

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
	// A soft memory limit makes the collector work harder before the heap
	// doubles past what a document needs: a 60 MB one-line document
	// peaked at 946 MB in 23 s without it, 847 MB in 27 s with 800 MiB.
	// Normal documents never come near it. GOMEMLIMIT in the environment
	// wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// CNPLAN_CPUPROFILE=FILE writes a CPU profile of the whole run, for
	// `go tool pprof` (README, Performance).
	if path := os.Getenv("CNPLAN_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			defer f.Close()
		}
	}
	code := run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	pprof.StopCPUProfile()
	outfile.RemoveTemps()
	os.Exit(code)
}
