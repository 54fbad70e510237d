// Command cnplan reads Chinese government plan documents and extracts their
// numeric targets, deadlines and responsible units as structured data.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
