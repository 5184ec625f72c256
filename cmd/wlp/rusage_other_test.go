//go:build !linux

package main

import "os"

// peakKiB reports nothing outside Linux, where the unit of ru_maxrss
// differs (bytes on macOS) or there is none (Windows).
func peakKiB(*os.ProcessState) (int64, bool) { return 0, false }

// freeBytes reports nothing outside Linux: the benchmarks then write
// their files without checking for room first.
func freeBytes(string) (uint64, bool) { return 0, false }
