package dict

import "sync"

var (
	checksMu sync.RWMutex
	checks   = map[string]func(rec []string) error{}
)

// Check registers how a vocabulary's records are validated: Extend runs it
// on every record a user adds to name, and refuses the file with the
// record's line when it fails, so a bad pattern is one usage error up
// front instead of an error on every document (or a rule skipped
// silently). The package that compiles the vocabulary registers it.
func Check(name string, check func(rec []string) error) {
	checksMu.Lock()
	checks[name] = check
	checksMu.Unlock()
}

func checkRecord(name string, rec []string) error {
	checksMu.RLock()
	check := checks[name]
	checksMu.RUnlock()
	if check == nil {
		return nil
	}
	return check(rec)
}
