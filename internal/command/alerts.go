package command

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

type alertsOptions struct {
	out string
}

func newAlertsCmd(s Streams, g *globals) *cobra.Command {
	var o alertsOptions
	cmd := &cobra.Command{
		Use:   "alerts [DIR]",
		Short: "Write Prometheus alerting rules for the module's objectives",
		Long: `Alerts plans the module in DIR (default: the current directory) and writes a
Prometheus rule file (the YAML 'promtool check rules' accepts):

  MrplanReplicationLagWarning / Critical   each replicated data class: lag over
                                           half its RPO, and over its RPO
  MrplanServiceRegionDown                  each service and region: health
                                           probe failing for detection_time
  MrplanServiceDown                        each service: its public endpoint
                                           failing for detection_time
  MrplanFailoverOverRTO                    each service: still down after its RTO
  MrplanDependencyDown                     each dependency a service calls: its
                                           probe failing for detection_time

Metric names and matchers are assumptions: per-product defaults (the
Prometheus CloudWatch exporter's names for AWS stores, the community
exporters' for PostgreSQL, MySQL and Redis), and blackbox-exporter probes for
health. Override them in the module:

  mrplan {
    alerts {
      labels          = { team = "sre" }
      service_health  = "probe_success{job=\"bb\",service=\"$service\",region=\"$region\"}"
      endpoint_health = "probe_success{job=\"bb-global\",service=\"$service\"}"
      dependency_health = "probe_success{job=\"bb-deps\",dependency=\"$dependency\"}"
      replication_lag "aws.aurora-postgresql" { expr = "..." }   # in seconds
      replication_lag "data.orders" { expr = "..." }
    }
  }`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return exit(runAlerts(s, g, o, dir))
		},
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "", "write to FILE (atomically) instead of standard output")
	return cmd
}

func runAlerts(s Streams, g *globals, o alertsOptions, dir string) int {
	m, ok := loadForView(s, g, dir)
	if !ok {
		return ExitError
	}
	rules := ops.BuildAlerts(planner.PlanModule(m))
	var buf bytes.Buffer
	if err := (views.AlertsYAML{Version: version.Version, Title: moduleTitle(dir)}).Write(&buf, rules); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot render the rules: %s\n", err)
		return ExitError
	}
	return emit(s, o.out, buf.Bytes())
}
