// Command cnplan reads Chinese government plan documents and extracts their
// numeric targets, deadlines and responsible units as structured data.
package main

import (
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/cnplan/cnplan/internal/memlimit"
	"github.com/cnplan/cnplan/pkg/outfile"
)

// The soft memory limit: memoryBase for the program, memoryPerByte bytes
// for every byte of input being extracted.
const (
	memoryBase    = 32 << 20
	memoryPerByte = 7
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
	// A soft memory limit in proportion to the documents in flight makes
	// the collector work harder before the heap doubles past what they
	// need (internal/memlimit): a 64 MB document peaked at 12 MB a MB
	// under the runtime's default pacing. GOMEMLIMIT in the environment
	// wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		memlimit.Enable(memoryBase, memoryPerByte)
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
