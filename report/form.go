package report

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wlpmodel/wlp"
	"github.com/wlpmodel/wlp/competency"
	"github.com/wlpmodel/wlp/profile"
)

// Form is a self-assessment page for a framework, as data: what the page
// lists and in what words. [NewForm] fills it in from a framework;
// [Form.WriteHTML] writes the page. A program may change the words (the
// title, a heading, a source's title) before writing it, but the IDs
// must stay the framework's, as the saved profiles rate them.
//
// The page rates one person: the person themself (a self-assessment,
// saved as the profile's ratings) or someone else as one of their raters
// in a 360-degree review (saved as one review of the profile). It saves a
// profile document that profile.Load and `wlp validate` accept, and opens
// one to change it. Opened together, several files of one person (each
// rater's file of a 360-degree review) become one profile: their reviews
// in file order, a review found in more than one file kept once, and
// their direct ratings where they agree. Files of different people, or
// that give one competency different direct ratings or the person
// different names, are refused, every problem listed, and so is a
// gathering larger than profile.DefaultMaxBytes (a profile has no limit
// on its number of reviews, only on its size).
type Form struct {
	// Title is the page's title and main heading.
	Title string `json:"title"`
	// FrameworkID, FrameworkName and FrameworkVersion name the framework
	// the page rates on.
	FrameworkID      string `json:"frameworkId"`
	FrameworkName    string `json:"frameworkName"`
	FrameworkVersion string `json:"frameworkVersion,omitempty"`
	// Levels lists the scale's levels, lowest first, each with what it
	// means; every row offers them all, and "Not rated".
	Levels []competency.LevelInfo `json:"levels"`
	// Tiers lists the page's parts: the foundational competencies by
	// cluster, then the areas of expertise. A tier with nothing to rate
	// is left out.
	Tiers []FormTier `json:"tiers"`
	// Sources lists the kinds of rater a reviewer may say they are, with
	// their titles, in the order the page offers them.
	Sources []FormSource `json:"sources"`
}

// FormTier is a part of the page under a heading of its own, such as
// "Foundational competencies".
type FormTier struct {
	// Heading is the tier's heading.
	Heading string `json:"heading"`
	// Groups lists the tier's groups: one per cluster for the
	// foundational competencies, one without a heading for the areas.
	Groups []FormGroup `json:"groups"`
}

// FormGroup is a group of rows in a tier, such as the competencies of one
// cluster.
type FormGroup struct {
	// Heading is the group's heading, such as the cluster's name; it is
	// empty for a tier of one group.
	Heading string `json:"heading,omitempty"`
	// Summary says what the group's items share.
	Summary string `json:"summary,omitempty"`
	// Items lists the group's rows, in model order.
	Items []FormItem `json:"items"`
}

// FormItem is one row of the page: a competency or an area of expertise
// to rate.
type FormItem struct {
	// ID is the competency's or area's ID, the key of its rating in the
	// saved profile.
	ID competency.ID `json:"id"`
	// Name is its human name, the row's legend.
	Name string `json:"name"`
	// Summary says what it is, under the legend.
	Summary string `json:"summary,omitempty"`
}

// FormSource is a kind of rater the page offers: its profile.Source and
// the title the page shows for it.
type FormSource struct {
	// Source is the kind of rater, as the saved review names it.
	Source profile.Source `json:"source"`
	// Title is what the page's list of kinds shows for it.
	Title string `json:"title"`
}

// Headings of the tiers, and the title NewForm gives a page.
const (
	FormTitle           = "Competency self-assessment and 360-degree review"
	FoundationalHeading = "Foundational competencies"
	AreasHeading        = "Areas of expertise"
)

// NewForm returns the page for rating people on f's competencies and
// areas of expertise: f's foundational competencies under one heading
// per cluster (clusters in f's order, a cluster with no competency left
// out), then its areas, each with its summary, and the scale's levels
// with what each means. A nil f means wlp.Default().
//
// NewForm costs time and memory linear in the size of f's competencies,
// areas and clusters.
func NewForm(f *wlp.Framework) Form {
	if f == nil {
		f = wlp.Default()
	}
	fm := Form{
		Title:            FormTitle,
		FrameworkID:      f.ID(),
		FrameworkName:    f.Name(),
		FrameworkVersion: f.Version(),
		Levels:           f.Scale().Levels,
		Tiers:            []FormTier{},
	}
	byCluster := map[competency.Cluster][]FormItem{}
	for _, c := range f.Competencies() {
		byCluster[c.Cluster] = append(byCluster[c.Cluster], FormItem{ID: c.ID, Name: c.Name, Summary: c.Summary})
	}
	var foundational []FormGroup
	for _, c := range f.Clusters() {
		if items := byCluster[c.ID]; len(items) > 0 {
			heading := c.Name
			if strings.EqualFold(heading, FoundationalHeading) {
				heading = "" // one cluster named as the tier is: no heading twice
			}
			foundational = append(foundational, FormGroup{Heading: heading, Summary: c.Summary, Items: items})
			delete(byCluster, c.ID)
		}
	}
	// Every competency's cluster is among f.Clusters; should one not be,
	// its row still shows, under the cluster's ID.
	for _, c := range f.Competencies() {
		if items := byCluster[c.Cluster]; len(items) > 0 {
			foundational = append(foundational, FormGroup{Heading: c.Cluster.String(), Items: items})
			delete(byCluster, c.Cluster)
		}
	}
	if len(foundational) > 0 {
		fm.Tiers = append(fm.Tiers, FormTier{Heading: FoundationalHeading, Groups: foundational})
	}
	if areas := f.Areas(); len(areas) > 0 {
		g := FormGroup{Items: make([]FormItem, len(areas))}
		for i, a := range areas {
			g.Items[i] = FormItem{ID: a.ID, Name: a.Name, Summary: a.Summary}
		}
		fm.Tiers = append(fm.Tiers, FormTier{Heading: AreasHeading, Groups: []FormGroup{g}})
	}
	for _, s := range profile.Sources() {
		fm.Sources = append(fm.Sources, FormSource{Source: s, Title: sourceTitle(s)})
	}
	return fm
}

// sourceTitle is the title the page gives a kind of rater.
func sourceTitle(s profile.Source) string {
	switch s {
	case profile.Self:
		return "Self (the person themself, as one view in the review)"
	case profile.Assessment:
		return "Assessment (a test, an assessment centre or a certification)"
	}
	name := s.String()
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
}

//go:embed form.html
var formHTML string

//go:embed form.css
var formCSS string

//go:embed form.js
var formJS string

var formTemplate = template.Must(template.New("form.html").Funcs(template.FuncMap{
	// sourceValue is a source as the profile document spells it; the
	// template would print its String, its human name.
	"sourceValue": func(s profile.Source) string { return string(s) },
}).Parse(formHTML))

// formPolicy is the page's Content Security Policy: it runs its own
// script and style and nothing else, and loads nothing.
var formPolicy = template.HTML(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
	`script-src '` + hash(formJS) + `'; style-src '` + hash(formCSS) + `'; img-src data:; ` +
	`form-action 'none'; base-uri 'none'">`)

// hash returns the CSP source of an inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// formConfig is what the page's script needs to know of the profile
// rules, from package profile and competency.
type formConfig struct {
	IDPattern     string   `json:"idPattern"`
	MaxIDLen      int      `json:"maxIDLen"`
	MaxRaterLen   int      `json:"maxRaterLen"`
	MaxBytes      int      `json:"maxBytes"`
	ItemIDPattern string   `json:"itemIDPattern"`
	MaxItemIDLen  int      `json:"maxItemIDLen"`
	MinLevel      int      `json:"minLevel"`
	MaxLevel      int      `json:"maxLevel"`
	Sources       []string `json:"sources"`
	Policies      []string `json:"policies"`
}

// formData is what the template shows.
type formData struct {
	Form
	MaxIDLen    int
	MaxRaterLen int
	Policy      template.HTML
	Style       template.CSS
	Script      template.JS
	Config      formConfig
}

// WriteHTML writes the page to w: one HTML document that holds its
// style and script, loads nothing (its Content Security Policy forbids
// it) and works opened from a file as well as served. Every text of fm
// is escaped.
//
// The page's size and WriteHTML's time and memory are linear in the rows
// times the levels: the default framework's 21 rows make a page of about
// 150 KB, of which the style and script are about 55 KB, written in a few
// milliseconds; a thousand rows take about a tenth of a second.
func (fm Form) WriteHTML(w io.Writer) error {
	cfg := formConfig{
		IDPattern:     profile.IDPattern,
		MaxIDLen:      profile.MaxIDLen,
		MaxRaterLen:   profile.MaxRaterLen,
		MaxBytes:      profile.DefaultMaxBytes,
		ItemIDPattern: competency.IDPattern,
		MaxItemIDLen:  competency.MaxIDLen,
		MinLevel:      int(competency.MinLevel),
		MaxLevel:      int(competency.MaxLevel),
	}
	for _, s := range profile.Sources() {
		cfg.Sources = append(cfg.Sources, string(s))
	}
	for _, p := range profile.Policies() {
		cfg.Policies = append(cfg.Policies, string(p))
	}
	d := formData{
		Form:        fm,
		MaxIDLen:    profile.MaxIDLen,
		MaxRaterLen: profile.MaxRaterLen,
		Policy:      formPolicy,
		Style:       template.CSS(formCSS),
		Script:      template.JS(formJS),
		Config:      cfg,
	}
	if err := formTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("report: writing the form page: %w", err)
	}
	return nil
}

// Handler returns an http.Handler that serves fm's page, written once,
// to GET and HEAD requests at any path it is given; other methods get
// 405 Method Not Allowed. Mount it on a mux of your own, such as at
// "/self-assessment". Each request costs a copy of the page (about 150 KB
// for the default framework) to the connection.
func (fm Form) Handler() http.Handler {
	var b bytes.Buffer
	err := fm.WriteHTML(&b)
	page := b.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "report: the form page answers GET and HEAD only", http.StatusMethodNotAllowed)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Length", fmt.Sprint(len(page)))
		if r.Method == http.MethodHead {
			return
		}
		_, _ = w.Write(page)
	})
}

// FormHandler returns an http.Handler that serves the self-assessment
// page of f (nil for wlp.Default()): NewForm(f).Handler(). Building it
// costs one NewForm and one WriteHTML; see [Form.Handler] for a request.
func FormHandler(f *wlp.Framework) http.Handler {
	return NewForm(f).Handler()
}
