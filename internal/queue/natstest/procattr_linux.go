package natstest

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the server die with the test process, even when the
// test is killed before it can stop the server.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
