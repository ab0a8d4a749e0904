//go:build !unix

package analyze

import "time"

// cpuTime is not measured off Unix; the CPU-second metrics are then left out.
func cpuTime() time.Duration { return 0 }
