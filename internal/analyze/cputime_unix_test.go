//go:build unix

package analyze

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, user and system: the
// measure of cost per core on a machine shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
