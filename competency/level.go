package competency

import "strconv"

// Level is a proficiency level on the default scale, from [None] (0, not
// demonstrated) to [Expert] (5). The steps above zero follow the Dreyfus
// model of skill acquisition. A rating may be any level on the scale; a
// requirement asks for [Novice] or above.
type Level int

// The levels of the default scale, lowest first.
const (
	None             Level = iota // 0: not demonstrated
	Novice                        // 1: follows rules and needs guidance
	AdvancedBeginner              // 2: handles familiar situations, still needs support
	Competent                     // 3: works independently and plans deliberately
	Proficient                    // 4: sees the whole situation and adapts
	Expert                        // 5: acts fluently, teaches and shapes practice
)

// MinLevel and MaxLevel bound the default scale: they are [None] and
// [Expert].
const (
	MinLevel Level = 0
	MaxLevel Level = 5
)

// Valid reports whether l is on the default scale.
func (l Level) Valid() bool { return l >= MinLevel && l <= MaxLevel }

// String returns the level's human name, such as "advanced beginner", or
// "level N" for a level off the scale.
func (l Level) String() string {
	if l.Valid() {
		return defaultLevels[l].Name
	}
	return "level " + strconv.Itoa(int(l))
}

// LevelInfo describes one level of a [Scale].
type LevelInfo struct {
	// Level is the numeric level.
	Level Level `json:"level"`
	// Name is the level's short human name, such as "competent".
	Name string `json:"name"`
	// Description says what a person at this level can do.
	Description string `json:"description"`
}

// Scale is a proficiency scale: its levels, lowest first, with names and
// descriptions. The model's scale is [DefaultScale].
type Scale struct {
	// Levels lists every level on the scale, lowest first, without gaps.
	Levels []LevelInfo `json:"levels"`
}

var defaultLevels = [...]LevelInfo{
	{None, "not demonstrated", "No evidence yet that the person can do this."},
	{Novice, "novice", "Knows the basic rules and can apply them with close guidance."},
	{AdvancedBeginner, "advanced beginner", "Handles familiar, routine situations but still needs support when things change."},
	{Competent, "competent", "Works independently, plans deliberately and takes responsibility for the outcome."},
	{Proficient, "proficient", "Sees situations as a whole, spots what matters most and adapts the approach."},
	{Expert, "expert", "Acts fluently from deep experience, handles novel cases and develops others."},
}

// DefaultScale returns the model's six-level scale, 0 (not demonstrated)
// to 5 (expert). Each call returns a fresh copy that the caller may change.
func DefaultScale() Scale {
	return Scale{Levels: append([]LevelInfo(nil), defaultLevels[:]...)}
}

// Min returns the lowest level of s, or [None] if s is empty.
func (s Scale) Min() Level {
	if len(s.Levels) == 0 {
		return None
	}
	return s.Levels[0].Level
}

// Max returns the highest level of s, or [None] if s is empty.
func (s Scale) Max() Level {
	if len(s.Levels) == 0 {
		return None
	}
	return s.Levels[len(s.Levels)-1].Level
}

// Contains reports whether l is a level of s.
func (s Scale) Contains(l Level) bool {
	return len(s.Levels) > 0 && l >= s.Min() && l <= s.Max()
}

// Name returns the name of level l on s, or "level N" when l is not on it.
func (s Scale) Name(l Level) string {
	for _, li := range s.Levels {
		if li.Level == l {
			return li.Name
		}
	}
	return "level " + strconv.Itoa(int(l))
}
