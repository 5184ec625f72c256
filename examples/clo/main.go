// Command clo prints the Chief Learning Officer job of the default
// framework: the roles it blends and what each needs.
package main

import (
	"fmt"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/role"
)

func main() {
	f := wlp.Default()
	job, _ := f.Job(role.CLO)
	fmt.Printf("%s: %s\n\n", job.Title, job.Summary)
	for _, sh := range job.Roles {
		r, _ := f.Role(sh.Role)
		fmt.Printf("%-24s weight %g  %s\n", r.Name, sh.Weight, sh.Why)
	}
}
