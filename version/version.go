// Package version holds mrplan's own version, printed by `mrplan version`,
// recorded in plans and state, and matched against `required_version`.
package version

// Version is the release this build is. Release builds set it with
// -ldflags "-X github.com/mrplan/mrplan/version.Version=…".
var Version = "0.1.0"
