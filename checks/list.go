package checks

// All returns every check, in catalog order. This list is the catalog: a
// check not listed here does not exist, and its order is the order of
// `mrplan checks`, of the SARIF rule array and of the docs.
func All() []Check {
	return []Check{
		// Dependencies (1xx): what a service needs is where it runs.
		mr101{},
		mr102{},
		mr103{},
		mr104{},
		mr105{},
		// Observed (106-108): what really runs, from --observe files.
		mr106{},
		mr107{},
		mr108{},
		// Data (2xx): objectives the data can meet.
		mr201{},
		mr202{},
		mr203{},
		mr204{},
		mr205{},
		mr206{},
		mr207{},
		// Writes (3xx): conflicts and split brain.
		mr301{},
		mr302{},
		mr303{},
		// Topology (4xx): core services, survival, cost.
		mr401{},
		mr402{},
		mr403{},
		mr404{},
		mr405{},
		// Operations (5xx): drills, monitoring, DNS.
		mr501{},
		mr502{},
		mr503{},
		// Constraints (6xx): where data may be kept.
		mr601{},
		mr602{},
	}
}
