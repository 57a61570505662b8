// Package testenv locates the shared development data for tests.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot returns the repository root (the directory holding go.mod).
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedDir returns ../shared/<rel> relative to the repository root. When it
// is absent the test is skipped, except under CI=true, where it fails:
// CI always has ../shared, so its absence there is a broken setup.
func SharedDir(t testing.TB, rel ...string) string {
	t.Helper()
	dir := filepath.Join(append([]string{RepoRoot(), "..", "shared"}, rel...)...)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (required under CI=true): %v", dir, err)
		}
		t.Skipf("%s is absent: skipping", dir)
	}
	return dir
}

// RequireTool returns the path of an external program, skipping the test
// when it is missing, or failing under CI=true (where .ci/run installs it).
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := lookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (required under CI=true; .ci/run installs it)", name)
		}
		t.Skipf("%s is not installed: skipping", name)
	}
	return p
}

// Missing reports a test prerequisite that is absent (a Python module, a
// word list): the test is skipped, except under CI=true, where .ci/run
// installs every prerequisite and its absence fails the test.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (required under CI=true; .ci/run installs it)", args...)
	}
	t.Skipf(format+": skipping", args...)
}

// PythonUnittest runs `python3 -m unittest module` in the test's package
// directory, with a fresh TMPDIR and no bytecode files written into the
// tree; python3 is required as RequireTool says. Output is shown on failure.
func PythonUnittest(t testing.TB, module string) {
	t.Helper()
	py := RequireTool(t, "python3")
	cmd := exec.Command(py, "-m", "unittest", module)
	cmd.Dir = "."
	cmd.Env = append(cmd.Environ(), "PYTHONDONTWRITEBYTECODE=1", "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 -m unittest %s: %v\n%s", module, err, out)
	}
}
