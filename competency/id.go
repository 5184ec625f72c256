package competency

// MaxIDLen is the longest ID, in bytes, that a framework accepts.
const MaxIDLen = 64

// ID is the stable identifier of a foundational competency or an area of
// expertise: a lower-case ASCII kebab-case slug such as "building-trust".
// IDs are unique within a framework and never change between versions, so
// profiles and other systems can store them.
type ID string

// ValidID reports whether s is a well-formed ID: 1 to [MaxIDLen] bytes of
// lower-case ASCII letters and digits, in words joined by single hyphens.
// It is the same rule as the JSON Schemas' ID pattern, [IDPattern].
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > MaxIDLen {
		return false
	}
	prevHyphen := true // no leading hyphen
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevHyphen = false
		case c == '-':
			if prevHyphen {
				return false
			}
			prevHyphen = true
		default:
			return false
		}
	}
	return !prevHyphen // no trailing hyphen
}

// IDPattern is the regular expression, in JSON Schema (ECMA-262) syntax,
// that a well-formed ID matches. Its length bound is [MaxIDLen].
const IDPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// Valid reports whether id is well formed (see [ValidID]).
func (id ID) Valid() bool { return ValidID(string(id)) }
