package main

import (
	"os"
	"testing"
)

// asMain is the environment variable that makes the test binary run as
// wlp itself: the tests start it with their own streams (/dev/full, a
// closed pipe) to check the command as a process.
const asMain = "WLP_TEST_RUN_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main() // exits
	}
	os.Exit(m.Run())
}
