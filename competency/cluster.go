package competency

// Cluster groups foundational competencies. The model has three clusters,
// [Interpersonal], [BusinessManagement] and [Personal]; a custom framework
// may declare more (see [ClusterInfo]). A cluster's ID follows the same
// rule as an [ID].
type Cluster string

// The clusters of the default model, in model order.
const (
	Interpersonal      Cluster = "interpersonal"       // working with and influencing people
	BusinessManagement Cluster = "business-management" // analysing, deciding and delivering
	Personal           Cluster = "personal"            // adapting and growing oneself
)

// String returns the cluster's human name ("Business/Management") for the
// model's clusters and the ID itself for any other.
func (c Cluster) String() string {
	for _, ci := range defaultClusters {
		if ci.ID == c {
			return ci.Name
		}
	}
	return string(c)
}

// ClusterInfo describes a cluster: its ID, human name and summary.
type ClusterInfo struct {
	// ID is the cluster's stable identifier, such as "interpersonal".
	ID Cluster `json:"id"`
	// Name is the cluster's human name, such as "Interpersonal".
	Name string `json:"name" jsonschema:"minLength=1"`
	// Summary says in a sentence what the cluster's competencies share.
	Summary string `json:"summary,omitempty"`
}

var defaultClusters = [...]ClusterInfo{
	{Interpersonal, "Interpersonal", "How well a person works with others, manages relationships and wins people over to policies and change."},
	{BusinessManagement, "Business/Management", "How well a person reads a situation, makes sound decisions and puts solutions into practice."},
	{Personal, "Personal", "How well a person copes with change and steers their own growth and career."},
}

// Clusters returns the model's three clusters in model order. Each call
// returns a fresh slice.
func Clusters() []ClusterInfo {
	return append([]ClusterInfo(nil), defaultClusters[:]...)
}
