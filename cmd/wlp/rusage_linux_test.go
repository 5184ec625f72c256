//go:build linux

package main

import (
	"os"
	"syscall"
)

// peakKiB returns the peak resident memory of the ended process ps, in
// KiB (Linux reports ru_maxrss in KiB), and whether it is known.
func peakKiB(ps *os.ProcessState) (int64, bool) {
	if ps == nil {
		return 0, false
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	return int64(ru.Maxrss), true
}

// freeBytes returns the bytes free for an unprivileged user on the file
// system that holds dir, and whether it could tell.
func freeBytes(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
