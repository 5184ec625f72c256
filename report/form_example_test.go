package report_test

import (
	"bytes"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/report"
)

// Build the self-assessment page of the default framework, see what it
// lists, and write it as one HTML file to send round or put on a shared
// drive.
func ExampleNewForm() {
	fm := report.NewForm(wlp.Default())
	for _, t := range fm.Tiers {
		for _, g := range t.Groups {
			heading := t.Heading
			if g.Heading != "" {
				heading += " / " + g.Heading
			}
			fmt.Printf("%s: %d rows, the first %q\n", heading, len(g.Items), g.Items[0].Name)
		}
	}
	fmt.Printf("levels %d (%s) to %d (%s)\n", fm.Levels[0].Level, fm.Levels[0].Name, fm.Levels[5].Level, fm.Levels[5].Name)

	fm.Title = "Acme: rate your skills" // the words are yours to change
	var page bytes.Buffer
	if err := fm.WriteHTML(&page); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(page.String(), "<title>Acme: rate your skills</title>"))
	// Output:
	// Foundational competencies / Interpersonal: 5 rows, the first "Building trust"
	// Foundational competencies / Business/Management: 5 rows, the first "Analyzing needs and proposing solutions"
	// Foundational competencies / Personal: 2 rows, the first "Demonstrating adaptability"
	// Areas of expertise: 9 rows, the first "Career planning and talent management"
	// levels 0 (not demonstrated) to 5 (expert)
	// true
}

// Serve the page from an HR platform's own mux: it is written once, and
// every request gets the same self-contained page. People save their
// profile from it to their own disk; nothing is posted back.
func ExampleFormHandler() {
	mux := http.NewServeMux()
	mux.Handle("GET /self-assessment", report.FormHandler(wlp.Default()))

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/self-assessment", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(strings.Contains(rec.Body.String(), `<legend>Coaching</legend>`))
	// Output:
	// 200 text/html; charset=utf-8
	// true
}
