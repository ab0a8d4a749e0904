//go:build integration && linux

package scaleout

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes a started process die with the test, even when the
// test is killed before its cleanups run.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
