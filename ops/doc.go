// Package ops turns a plan into what operations teams run: failover
// runbooks per failure scenario, Prometheus alerting rules for the
// objectives, and the drill schedule with game-day scripts (SPEC §11).
//
// It owns the models only, typed values with no JSON or YAML tags, and
// decides nothing: every duration comes from the planner's RTO breakdown,
// every ordering from the module's graph, and the product wording from the
// providers' operations catalog. Rendering (Markdown, JSON, rule-file YAML)
// belongs to internal/views; the commands live in internal/command.
package ops
